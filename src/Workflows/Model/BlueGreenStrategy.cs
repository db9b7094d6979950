namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy.blueGreen</c>.</summary>
public sealed record BlueGreenStrategy
{
    /// <summary>Argo's default delay before the old ReplicaSet is scaled down.</summary>
    public const int DefaultScaleDownDelaySeconds = 30;

    public string? ActiveService { get; init; }

    public string? PreviewService { get; init; }

    /// <summary>Argo defaults this to true: promote as soon as the preview stack is ready.</summary>
    public bool AutoPromotionEnabled { get; init; } = true;

    public int? AutoPromotionSeconds { get; init; }

    public int? ScaleDownDelaySeconds { get; init; }

    /// <summary>How long an aborted preview ReplicaSet stays up; 0 keeps it (Argo's semantics).</summary>
    public int? AbortScaleDownDelaySeconds { get; init; }

    public int EffectiveScaleDownDelaySeconds() => ScaleDownDelaySeconds ?? DefaultScaleDownDelaySeconds;

    public int EffectiveAbortScaleDownDelaySeconds() => AbortScaleDownDelaySeconds ?? DefaultScaleDownDelaySeconds;
}
