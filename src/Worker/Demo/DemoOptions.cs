namespace RolloutWorkflows.Worker.Demo;

/// <summary>The choices of one <c>rollouts demo</c> run.</summary>
public sealed record DemoOptions
{
    public DemoScenario Scenario { get; init; } = DemoScenario.Canary;

    /// <summary>Time skipping: pauses and delays pass at once (verification still waits for the simulated LBC).</summary>
    public bool Fast { get; init; }

    /// <summary>Synthetic requests per second through the emulated ALB.</summary>
    public double RequestsPerSecond { get; init; } = 100;

    /// <summary>The longest the update may take before the demo gives up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);
}
