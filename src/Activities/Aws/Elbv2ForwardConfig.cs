namespace RolloutWorkflows.Activities.Aws;

/// <summary>The ForwardConfig of a forward action.</summary>
public sealed record Elbv2ForwardConfig(
    IReadOnlyList<Elbv2WeightedTargetGroup> TargetGroups,
    bool? StickinessEnabled,
    int? StickinessDurationSeconds);
