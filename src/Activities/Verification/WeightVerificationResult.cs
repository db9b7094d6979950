namespace RolloutWorkflows.Activities.Verification;

/// <summary>The outcome of a weight check of one ingress. Not verified is a normal answer (the LBC has not converged
/// yet, or the ALB is not provisioned yet); <see cref="Reason"/> then says what is missing or different.</summary>
public sealed record WeightVerificationResult(
    string Namespace,
    string IngressName,
    bool Verified,
    string? Reason,
    IReadOnlyList<TargetGroupWeight> TargetGroups);
