namespace RolloutWorkflows.Activities.Aws;

/// <summary>One target group inside a ForwardConfig. <see cref="Weight"/> is relative (0-999), not a
/// percentage; an absent weight is reported as null.</summary>
public sealed record Elbv2WeightedTargetGroup(string TargetGroupArn, int? Weight);
