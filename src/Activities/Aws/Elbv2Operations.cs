namespace RolloutWorkflows.Activities.Aws;

/// <summary>The ELBv2 Query actions this client performs (also the metric tag values) and the IAM actions they need.</summary>
public static class Elbv2Operations
{
    public const string DescribeLoadBalancers = "DescribeLoadBalancers";
    public const string DescribeListeners = "DescribeListeners";
    public const string DescribeRules = "DescribeRules";
    public const string DescribeTargetGroups = "DescribeTargetGroups";
    public const string DescribeTags = "DescribeTags";
    public const string DescribeTargetHealth = "DescribeTargetHealth";

    /// <summary>The Query API version.</summary>
    public const string ApiVersion = "2015-12-01";

    /// <summary>The SigV4 service name (also used when the endpoint is overridden).</summary>
    public const string SigningService = "elasticloadbalancing";

    /// <summary>All six operations, in the order of the IAM policy in docs/aws-client.md.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DescribeLoadBalancers, DescribeListeners, DescribeRules, DescribeTargetGroups, DescribeTags, DescribeTargetHealth];
}
