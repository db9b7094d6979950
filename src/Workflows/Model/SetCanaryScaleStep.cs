namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>setCanaryScale</c>: exactly one of replicas, weight or matchTrafficWeight.</summary>
public sealed record SetCanaryScaleStep
{
    public int? Replicas { get; init; }

    public int? Weight { get; init; }

    public bool MatchTrafficWeight { get; init; }

    public override string ToString() =>
        Replicas is { } replicas ? $"setCanaryScale: replicas {replicas}"
        : Weight is { } weight ? $"setCanaryScale: weight {weight}"
        : "setCanaryScale: matchTrafficWeight";
}
