namespace RolloutWorkflows.Activities.Aws;

/// <summary>A listener of a load balancer, as returned by DescribeListeners.</summary>
public sealed record Elbv2Listener(
    string ListenerArn,
    string LoadBalancerArn,
    int? Port,
    string? Protocol,
    IReadOnlyList<Elbv2Action> DefaultActions);
