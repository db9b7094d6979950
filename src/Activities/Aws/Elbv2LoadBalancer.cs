namespace RolloutWorkflows.Activities.Aws;

/// <summary>An ELBv2 load balancer, as returned by DescribeLoadBalancers (only the fields we use).</summary>
public sealed record Elbv2LoadBalancer(
    string LoadBalancerArn,
    string LoadBalancerName,
    string DnsName,
    string? Scheme,
    string? Type,
    string? State,
    string? VpcId);
