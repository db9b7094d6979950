namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>One target group of a forward action.</summary>
/// <param name="TargetGroupArn">Target group ARN.</param>
/// <param name="Weight">Relative weight 0..999.</param>
public sealed record Elbv2WeightedTargetGroup(string TargetGroupArn, int Weight);
