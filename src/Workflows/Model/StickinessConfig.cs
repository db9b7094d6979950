namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>trafficRouting.alb.stickinessConfig</c>; written into the action only when enabled (F4).</summary>
public sealed record StickinessConfig
{
    /// <summary>The ALB's limit for target group stickiness: 7 days.</summary>
    public const int MaxDurationSeconds = 604800;

    public bool Enabled { get; init; }

    public int DurationSeconds { get; init; }
}
