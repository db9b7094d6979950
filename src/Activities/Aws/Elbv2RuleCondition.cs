namespace RolloutWorkflows.Activities.Aws;

/// <summary>One rule condition (host-header, path-pattern, ...) with its values.</summary>
public sealed record Elbv2RuleCondition(string Field, IReadOnlyList<string> Values);
