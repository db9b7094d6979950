namespace RolloutWorkflows.Activities.Aws;

/// <summary>A listener rule, as returned by DescribeRules. <see cref="Priority"/> is a string because
/// the default rule's priority is the literal <c>default</c>.</summary>
public sealed record Elbv2Rule(
    string RuleArn,
    string Priority,
    bool IsDefault,
    IReadOnlyList<Elbv2RuleCondition> Conditions,
    IReadOnlyList<Elbv2Action> Actions);
