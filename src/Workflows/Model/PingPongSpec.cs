namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy.canary.pingPong</c>: two Services that swap the stable and canary roles.</summary>
public sealed record PingPongSpec
{
    public string? PingService { get; init; }

    public string? PongService { get; init; }
}
