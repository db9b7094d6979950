namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy.canary.trafficRouting</c>; only the ALB router is supported.</summary>
public sealed record TrafficRouting
{
    public AlbTrafficRouting? Alb { get; init; }
}
