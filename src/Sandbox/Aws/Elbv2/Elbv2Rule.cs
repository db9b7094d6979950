namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A non-default listener rule; the default rule is derived from the listener's default actions.</summary>
/// <param name="Arn">Rule ARN.</param>
/// <param name="ListenerArn">Owning listener.</param>
/// <param name="Priority">Priority 1..50000 (AWS renders it as a string).</param>
/// <param name="Conditions">Match conditions, all of which must hold.</param>
/// <param name="Actions">Actions ordered by <see cref="Elbv2Action.Order"/>.</param>
public sealed record Elbv2Rule(string Arn, string ListenerArn, int Priority, IReadOnlyList<Elbv2Condition> Conditions, IReadOnlyList<Elbv2Action> Actions);
