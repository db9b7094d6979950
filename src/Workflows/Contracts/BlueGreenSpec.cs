namespace RolloutWorkflows.Workflows.Contracts;

/// <summary><c>spec.strategy.blueGreen</c> as the workflow runs it.</summary>
public sealed record BlueGreenSpec
{
    /// <summary>Argo's default delay before the old ReplicaSet is scaled down.</summary>
    public const int DefaultScaleDownDelaySeconds = 30;

    public string ActiveService { get; init; } = "";

    public string? PreviewService { get; init; }

    /// <summary>Promote as soon as the preview stack is available (after <see cref="AutoPromotionSeconds"/>).</summary>
    public bool AutoPromotionEnabled { get; init; } = true;

    public int? AutoPromotionSeconds { get; init; }

    public int ScaleDownDelaySeconds { get; init; } = DefaultScaleDownDelaySeconds;

    public int AbortScaleDownDelaySeconds { get; init; } = DefaultScaleDownDelaySeconds;
}
