namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>One canary step; <see cref="Kind"/> says which members matter.</summary>
public sealed record CanaryStep
{
    public CanaryStepKind Kind { get; init; }

    /// <summary>The weight of a <c>setWeight</c> step, or of <c>setCanaryScale.weight</c>.</summary>
    public int? Weight { get; init; }

    /// <summary>The length of a timed pause; null waits for <c>Promote</c>.</summary>
    public int? PauseSeconds { get; init; }

    /// <summary><c>setCanaryScale.replicas</c>.</summary>
    public int? Replicas { get; init; }

    /// <summary><c>setCanaryScale.matchTrafficWeight</c>: drop an earlier scale override.</summary>
    public bool MatchTrafficWeight { get; init; }

    public static CanaryStep SetWeightTo(int weight) => new() { Kind = CanaryStepKind.SetWeight, Weight = weight };

    public static CanaryStep PauseFor(int seconds) => new() { Kind = CanaryStepKind.Pause, PauseSeconds = seconds };

    public static CanaryStep PauseUntilPromoted() => new() { Kind = CanaryStepKind.Pause };

    /// <summary>The step as Argo users write it: <c>setWeight: 20</c>, <c>pause: 5m</c>, <c>pause: {}</c>.</summary>
    public override string ToString() => Kind switch
    {
        CanaryStepKind.SetWeight => $"setWeight: {Weight}",
        CanaryStepKind.Pause => PauseSeconds is { } s ? $"pause: {DurationText.Format(s)}" : "pause: {}",
        _ => Replicas is { } r ? $"setCanaryScale: replicas {r}"
            : Weight is { } w ? $"setCanaryScale: weight {w}"
            : "setCanaryScale: matchTrafficWeight",
    };
}
