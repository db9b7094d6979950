namespace RolloutWorkflows.Workflows.Planning;

/// <summary>What one planned action does; each maps to one activity family, a timer or a state change.</summary>
public enum ActionKind
{
    EnsureReplicaSet,
    ScaleReplicaSet,
    WaitAvailable,
    SwitchSelector,
    SetWeights,
    VerifyWeights,
    VerifyTargets,

    /// <summary>A pause step (or blue-green promotion wait): ends after its duration or with <c>Promote</c>.</summary>
    Pause,

    /// <summary>A durable delay that <c>Promote</c> does not shorten (scale-down delays).</summary>
    Delay,

    /// <summary>State only: the revision becomes stable (and the ping-pong hats swap).</summary>
    MarkStable,

    /// <summary>State only: canary step <see cref="RolloutAction.Step"/> is complete.</summary>
    CompleteStep,

    ResetAlb,

    /// <summary>Reads only: the Services and Ingresses the revision names exist and fit it (first action of an update).</summary>
    CheckReferences,
}
