namespace RolloutWorkflows.Activities.Verification;

/// <summary>A target group bound to a service, e.g. from a TargetGroupBinding's <c>spec.targetGroupARN</c> and <c>spec.targetType</c>.
/// Only <c>ip</c> target groups are checked (instance-mode targets are nodes, not pods).</summary>
public sealed record TargetGroupRef(string TargetGroupArn, string? TargetType);
