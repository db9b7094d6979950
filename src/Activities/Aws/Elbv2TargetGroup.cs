namespace RolloutWorkflows.Activities.Aws;

/// <summary>A target group, as returned by DescribeTargetGroups (only the fields we use).</summary>
public sealed record Elbv2TargetGroup(
    string TargetGroupArn,
    string TargetGroupName,
    string? Protocol,
    int? Port,
    string? TargetType,
    string? VpcId,
    IReadOnlyList<string> LoadBalancerArns)
{
    /// <summary>Gets a value indicating whether targets are pod IPs (the only mode whose registration we verify).</summary>
    public bool IsIpTargetType => string.Equals(TargetType, "ip", StringComparison.OrdinalIgnoreCase);
}
