namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>ForwardConfig: weighted target groups (weights 0..999, relative) and stickiness.</summary>
/// <param name="TargetGroups">Target groups with their weights.</param>
/// <param name="StickinessEnabled">Whether target group stickiness is on.</param>
/// <param name="StickinessDurationSeconds">Stickiness duration (1..604800) when enabled.</param>
public sealed record Elbv2ForwardConfig(IReadOnlyList<Elbv2WeightedTargetGroup> TargetGroups, bool StickinessEnabled = false, int? StickinessDurationSeconds = null);
