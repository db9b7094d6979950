namespace RolloutWorkflows.Worker.Sandbox;

/// <summary>How the in-process sandbox stack behaves (what the demo and the end-to-end tests tune).</summary>
public sealed class SandboxStackOptions
{
    /// <summary>Jump the Temporal clock over timers when nothing runs (pauses and delays pass at once).</summary>
    public bool TimeSkipping { get; set; }

    /// <summary>How long the LBC simulator takes to notice a change (the real controller takes seconds).</summary>
    public TimeSpan LbcReconcileLag { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a newly registered target stays in <c>initial</c> before it is healthy.</summary>
    public TimeSpan TargetRegistrationDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a deregistered target drains.</summary>
    public TimeSpan DeregistrationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a new Pod takes to become ready.</summary>
    public TimeSpan PodReadinessDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Synthetic requests per second through the emulated ALB once <c>StartTrafficAsync</c> is called.</summary>
    public double RequestsPerSecond { get; set; } = 100;

    /// <summary>Where the kubeconfig of the Kubernetes sandbox is written; null: a new temporary file.</summary>
    public string? KubeconfigPath { get; set; }
}
