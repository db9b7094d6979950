namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>An application load balancer as DescribeLoadBalancers reports it.</summary>
/// <param name="Arn">Full ARN (`...:loadbalancer/app/&lt;name&gt;/&lt;id&gt;`).</param>
/// <param name="Name">Load balancer name (at most 32 characters).</param>
/// <param name="DnsName">Lower-case DNS name, `&lt;name&gt;-&lt;digits&gt;.&lt;region&gt;.elb.amazonaws.com`.</param>
/// <param name="Scheme">`internet-facing` or `internal`.</param>
/// <param name="CreatedTime">Creation time.</param>
public sealed record Elbv2LoadBalancer(string Arn, string Name, string DnsName, string Scheme, DateTimeOffset CreatedTime)
{
    /// <summary>Gets the VPC the load balancer lives in.</summary>
    public string VpcId { get; init; } = Elbv2Arns.DefaultVpcId;

    /// <summary>Gets the state code (`provisioning|active|active_impaired|failed`).</summary>
    public string State { get; init; } = "active";
}
