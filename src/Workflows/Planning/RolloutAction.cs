namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// One planned action. A single record (rather than a hierarchy) keeps plans trivially comparable in tests;
/// <see cref="Kind"/> says which members matter.
/// </summary>
public sealed record RolloutAction(ActionKind Kind)
{
    /// <summary>The canary step this action belongs to (the step count for the end of the steps).</summary>
    public int Step { get; init; }

    /// <summary>The pod-template hash acted on (ReplicaSet, selector, target verification, stable revision).</summary>
    public string? Hash { get; init; }

    public int Replicas { get; init; }

    /// <summary>Why the ReplicaSet is scaled: <c>canary</c>, <c>stable</c>, <c>old</c>.</summary>
    public string? Role { get; init; }

    /// <summary>The Service of a selector switch or target verification.</summary>
    public string? Service { get; init; }

    public TrafficRoles? Roles { get; init; }

    /// <summary>The canary weight of SetWeights/VerifyWeights.</summary>
    public int Weight { get; init; }

    /// <summary>Length of a pause or delay; null for a pause that waits for <c>Promote</c>.</summary>
    public int? Seconds { get; init; }

    /// <summary>The revision number of MarkStable.</summary>
    public long Revision { get; init; }

    /// <summary>The stable ping-pong side after MarkStable.</summary>
    public PingPongSide Side { get; init; }

    /// <summary>A ScaleReplicaSet that is done when the ReplicaSet does not exist (what a replaced revision may not have created).</summary>
    public bool IfExists { get; init; }

    /// <summary>A short text for the Temporal UI and the event list.</summary>
    public string Summary => Kind switch
    {
        ActionKind.EnsureReplicaSet => $"ensure ReplicaSet {Hash} ({Replicas} replicas)",
        ActionKind.ScaleReplicaSet => $"scale {Role} ReplicaSet {Hash} to {Replicas}",
        ActionKind.WaitAvailable => $"wait for ReplicaSet {Hash} available",
        ActionKind.SwitchSelector => $"point Service {Service} at {Hash}",
        ActionKind.SetWeights => $"setWeight {Weight}%",
        ActionKind.VerifyWeights => $"verify weight {Weight}%",
        ActionKind.VerifyTargets => $"verify targets of Service {Service} ({Hash})",
        ActionKind.Pause => Seconds is { } s ? $"pause {DurationText.Format(s)}" : "pause until promoted",
        ActionKind.Delay => $"{Role} delay {DurationText.Format(Seconds ?? 0)}",
        ActionKind.MarkStable => $"mark {Hash} stable",
        ActionKind.CompleteStep => $"step {Step + 1} completed",
        ActionKind.ResetAlb => "reset ALB action to 100% stable",
        ActionKind.CheckReferences => "check the Services and Ingresses the revision names",
        _ => Kind.ToString(),
    };
}
