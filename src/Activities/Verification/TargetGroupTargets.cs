namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>A target group and the targets DescribeTargetHealth reported for it.</summary>
public sealed record TargetGroupTargets(TargetGroupRef TargetGroup, IReadOnlyList<Elbv2TargetHealth> Targets);
