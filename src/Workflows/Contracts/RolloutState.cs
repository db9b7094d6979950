namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The small state a rollout carries through continue-as-new. Progress is never re-derived from the
/// cluster: <see cref="ActionIndex"/> points into the deterministic plan of <see cref="Stage"/>.
/// </summary>
public sealed record RolloutState
{
    /// <summary>How many events are kept.</summary>
    public const int MaxEvents = 20;

    /// <summary>The highest revision number handed out.</summary>
    public long LastRevisionNumber { get; init; }

    /// <summary>The revision being rolled out, or the last one rolled out.</summary>
    public RolloutRevision? Current { get; init; }

    /// <summary>A revision that arrived while another was in progress; it supersedes it.</summary>
    public RolloutRevision? Pending { get; init; }

    /// <summary>The stable pod-template hash (null before the first deploy completes).</summary>
    public string? StableHash { get; init; }

    public long StableRevision { get; init; }

    public PingPongSide StableSide { get; init; } = PingPongSide.Ping;

    /// <summary>The stable hash when the current plan started; plans are computed from it.</summary>
    public string? BaseStableHash { get; init; }

    /// <summary>The stable ping-pong side when the current plan started.</summary>
    public PingPongSide BaseStableSide { get; init; } = PingPongSide.Ping;

    public RolloutStage Stage { get; init; } = RolloutStage.Idle;

    /// <summary>
    /// The shape of update plans (<see cref="PlanVersions"/>). Raised only where no update plan is under way, so
    /// a running plan never changes shape; 0 in states carried from before the first patch.
    /// </summary>
    public int PlanVersion { get; init; }

    /// <summary>The next action of the current plan.</summary>
    public int ActionIndex { get; init; }

    /// <summary>The canary step being executed (equal to the step count once all steps are done).</summary>
    public int StepIndex { get; init; }

    /// <summary>The canary weight last written.</summary>
    public int SetWeight { get; init; }

    /// <summary>The canary weight last verified on every ingress; null when unknown.</summary>
    public int? VerifiedWeight { get; init; }

    /// <summary>Held by the <c>Pause</c> update, a failure or a verification deadline.</summary>
    public bool Paused { get; init; }

    /// <summary>Set when an action failed for good (phase Degraded until Retry or Resume).</summary>
    public bool Failed { get; init; }

    public string Message { get; init; } = "";

    public IReadOnlyList<IngressVerification> Ingresses { get; init; } = [];

    /// <summary>
    /// Pod-template hashes of first revisions replaced before they became stable: their ReplicaSets (if they were
    /// created) are scaled down at the end of the update that replaced them.
    /// </summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];

    /// <summary>The last events, oldest first (at most <see cref="MaxEvents"/>).</summary>
    public IReadOnlyList<RolloutEvent> Events { get; init; } = [];

    /// <summary>A copy with <paramref name="text"/> appended to the event ring.</summary>
    public RolloutState WithEvent(DateTime at, string text)
    {
        var events = Events.Count >= MaxEvents ? Events.Skip(Events.Count - MaxEvents + 1) : Events;
        return this with { Events = [.. events, new RolloutEvent(at, text)] };
    }
}
