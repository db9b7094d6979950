namespace RolloutWorkflows.Activities.Verification;

/// <summary>Registration of a service's ready endpoints in one target group.</summary>
/// <param name="TargetGroupArn">The target group.</param>
/// <param name="Expected">Ready endpoints that must be registered.</param>
/// <param name="Registered">Ready endpoints that are registered.</param>
/// <param name="Missing">Ready endpoints not registered (or being deregistered).</param>
/// <param name="Extra">Registered targets that are not ready endpoints (old pods, draining ones excluded); informative only.</param>
/// <param name="SkippedReason">Why the target group was not checked (not IP mode), or null.</param>
public sealed record TargetGroupRegistration(
    string TargetGroupArn,
    int Expected,
    int Registered,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Extra,
    string? SkippedReason);
