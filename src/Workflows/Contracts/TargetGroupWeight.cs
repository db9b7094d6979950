namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>The weight seen on one target group.</summary>
public sealed record TargetGroupWeight(string Service, string TargetGroupArn, int? Weight, int ExpectedWeight);
