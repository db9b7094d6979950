namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy.canary</c>.</summary>
public sealed record CanaryStrategy
{
    /// <summary>Argo's default for both scale-down delays of a traffic-routed canary.</summary>
    public const int DefaultScaleDownDelaySeconds = 30;

    public string? CanaryService { get; init; }

    public string? StableService { get; init; }

    public IReadOnlyList<RolloutStep> Steps { get; init; } = [];

    public TrafficRouting? TrafficRouting { get; init; }

    public PingPongSpec? PingPong { get; init; }

    public int? ScaleDownDelaySeconds { get; init; }

    public int? AbortScaleDownDelaySeconds { get; init; }

    public bool DynamicStableScale { get; init; }

    /// <summary>The ALB block, or null when the rollout has no ALB traffic routing.</summary>
    public AlbTrafficRouting? GetAlb() => TrafficRouting?.Alb;

    /// <summary>
    /// The Service the Ingress rule points to, after which the action annotation is named (F2):
    /// <c>rootService</c>, else <c>stableService</c>. Null when neither is set.
    /// </summary>
    public string? GetActionService()
    {
        var root = TrafficRouting?.Alb?.RootService;
        return string.IsNullOrEmpty(root) ? StableService : root;
    }

    /// <summary>Delay before the old stable ReplicaSet is scaled down; 0 with dynamicStableScale (F23).</summary>
    public int EffectiveScaleDownDelaySeconds() =>
        ScaleDownDelaySeconds ?? (DynamicStableScale ? 0 : DefaultScaleDownDelaySeconds);

    /// <summary>Delay before an aborted canary ReplicaSet is scaled down (0 keeps it forever, as in Argo).</summary>
    public int EffectiveAbortScaleDownDelaySeconds() => AbortScaleDownDelaySeconds ?? DefaultScaleDownDelaySeconds;
}
