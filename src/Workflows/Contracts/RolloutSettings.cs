namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>Engine settings that travel with each revision (they come from the CLI / worker configuration).</summary>
public sealed record RolloutSettings
{
    /// <summary><c>--aws-verify-target-group</c>: verify ALB weights and target registration before moving on.</summary>
    public bool VerifyTargetGroups { get; init; }

    /// <summary>How often a not-yet-verified check is retried.</summary>
    public int VerificationPollSeconds { get; init; } = 10;

    /// <summary>How long a verification may take before <see cref="OnVerificationTimeout"/> applies.</summary>
    public int VerificationDeadlineSeconds { get; init; } = 600;

    public VerificationTimeoutAction OnVerificationTimeout { get; init; } = VerificationTimeoutAction.Pause;

    /// <summary>How often ReplicaSet availability is read while waiting.</summary>
    public int AvailabilityPollSeconds { get; init; } = 2;

    /// <summary>How long a ReplicaSet may take to become available before the update pauses as failed.</summary>
    public int AvailabilityDeadlineSeconds { get; init; } = 600;
}
