namespace RolloutWorkflows.Activities.Aws;

/// <summary>A rule or listener action. A forward action carries <see cref="TargetGroupArn"/> (legacy single
/// target group form), a <see cref="ForwardConfig"/>, or both; use <see cref="ForwardTargets"/> to read
/// the effective weighted target groups in every form.</summary>
public sealed record Elbv2Action(
    string Type,
    int? Order,
    string? TargetGroupArn,
    Elbv2ForwardConfig? ForwardConfig)
{
    /// <summary>The action type that sends traffic to target groups.</summary>
    public const string ForwardType = "forward";

    /// <summary>Gets a value indicating whether this action forwards to target groups.</summary>
    public bool IsForward => string.Equals(Type, ForwardType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The weighted target groups this action forwards to. A lone <see cref="TargetGroupArn"/>
    /// without a ForwardConfig means that target group receives all traffic (reported as weight 1).</summary>
    public IReadOnlyList<Elbv2WeightedTargetGroup> ForwardTargets =>
        !IsForward ? []
        : ForwardConfig is { TargetGroups.Count: > 0 } config ? config.TargetGroups
        : TargetGroupArn is { Length: > 0 } arn ? [new Elbv2WeightedTargetGroup(arn, 1)]
        : [];
}
