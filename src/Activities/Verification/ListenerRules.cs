namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>A listener and its rules (default rule included), as read by DescribeRules.</summary>
public sealed record ListenerRules(Elbv2Listener Listener, IReadOnlyList<Elbv2Rule> Rules);
