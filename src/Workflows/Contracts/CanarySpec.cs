namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary><c>spec.strategy.canary</c> as the workflow runs it.</summary>
public sealed record CanarySpec
{
    /// <summary>Argo's default for both scale-down delays of a traffic-routed canary.</summary>
    public const int DefaultScaleDownDelaySeconds = 30;

    public string? StableService { get; init; }

    public string? CanaryService { get; init; }

    public IReadOnlyList<CanaryStep> Steps { get; init; } = [];

    /// <summary>ALB traffic routing; null for a canary without traffic routing (replica ratio only).</summary>
    public AlbSpec? Alb { get; init; }

    /// <summary>Ping-pong Services; when set they replace stable/canary Services for the ALB action.</summary>
    public PingPongServices? PingPong { get; init; }

    public int ScaleDownDelaySeconds { get; init; } = DefaultScaleDownDelaySeconds;

    /// <summary>Delay before an aborted canary is scaled down; 0 keeps it forever (as in Argo).</summary>
    public int AbortScaleDownDelaySeconds { get; init; } = DefaultScaleDownDelaySeconds;

    /// <summary>Scale the stable ReplicaSet down as (verified) traffic leaves it.</summary>
    public bool DynamicStableScale { get; init; }

    /// <summary>The Service the ingress rule points at, after which the action annotation is named (F2).</summary>
    [JsonIgnore]
    public string? ActionService => string.IsNullOrEmpty(Alb?.RootService) ? StableService : Alb.RootService;
}
