namespace RolloutWorkflows.Activities.Aws;

/// <summary>The six read-only ELBv2 operations we use. Paginated operations return every page; unknown names
/// or ARNs throw an <see cref="Elbv2Exception"/> whose <see cref="Elbv2Exception.IsNotFound"/> is true,
/// as AWS does.</summary>
public interface IElbv2Api
{
    /// <summary>DescribeLoadBalancers by names, or by ARNs, or (both null) every load balancer; all pages.</summary>
    Task<IReadOnlyList<Elbv2LoadBalancer>> DescribeLoadBalancersAsync(IReadOnlyCollection<string>? names, IReadOnlyCollection<string>? loadBalancerArns, CancellationToken cancellationToken);

    /// <summary>DescribeListeners of one load balancer; all pages.</summary>
    Task<IReadOnlyList<Elbv2Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken);

    /// <summary>DescribeRules of one listener, default rule included; all pages.</summary>
    Task<IReadOnlyList<Elbv2Rule>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>DescribeTargetGroups of one load balancer (<paramref name="loadBalancerArn"/>) or by ARNs; exactly one must be given; all pages.</summary>
    Task<IReadOnlyList<Elbv2TargetGroup>> DescribeTargetGroupsAsync(string? loadBalancerArn, IReadOnlyCollection<string>? targetGroupArns, CancellationToken cancellationToken);

    /// <summary>DescribeTags of any ELBv2 resources, in chunks of 20 ARNs; result keyed by ARN.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyCollection<string> resourceArns, CancellationToken cancellationToken);

    /// <summary>DescribeTargetHealth of one target group: every registered target (not paginated).</summary>
    Task<IReadOnlyList<Elbv2TargetHealth>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);
}
