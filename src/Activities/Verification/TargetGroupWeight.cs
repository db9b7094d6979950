namespace RolloutWorkflows.Activities.Verification;

/// <summary>One destination checked in one serving rule of one load balancer.</summary>
/// <param name="Hostname">The ingress hostname (load balancer) checked.</param>
/// <param name="ServiceName">The destination service.</param>
/// <param name="ResourceId">The LBC resource id looked for in the target group tags.</param>
/// <param name="TargetGroupArn">The target group found for the service, or null when none carries the tag.</param>
/// <param name="ExpectedWeight">The desired weight.</param>
/// <param name="ActualWeight">The weight in the rule's forward action (0 when the action omits the target group), or null when no rule serves it.</param>
/// <param name="ActionTotalWeight">The sum of all weights in that forward action (weights are relative; they are compared as shares).</param>
/// <param name="ListenerArn">The listener of the rule, when one serves the action.</param>
/// <param name="RuleArn">The rule whose forward action was checked.</param>
/// <param name="RulePriority">That rule's priority (<c>default</c> for the default rule).</param>
/// <param name="Matches">Whether the actual share equals the expected share.</param>
public sealed record TargetGroupWeight(
    string Hostname,
    string ServiceName,
    string ResourceId,
    string? TargetGroupArn,
    int ExpectedWeight,
    int? ActualWeight,
    int? ActionTotalWeight,
    string? ListenerArn,
    string? RuleArn,
    string? RulePriority,
    bool Matches);
