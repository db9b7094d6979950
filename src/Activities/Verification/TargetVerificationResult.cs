namespace RolloutWorkflows.Activities.Verification;

/// <summary>The outcome of a target registration check of one service. Verified when no ready endpoint is missing
/// from any checked target group; otherwise <see cref="Reason"/> says what is missing.</summary>
public sealed record TargetVerificationResult(
    string Namespace,
    string ServiceName,
    bool Verified,
    string? Reason,
    int ExpectedCount,
    int MissingCount,
    int ExtraCount,
    IReadOnlyList<TargetGroupRegistration> TargetGroups);
