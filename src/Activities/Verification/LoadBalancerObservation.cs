namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>What was read from ELBv2 for one ingress hostname: its load balancer (null when none has that DNS name),
/// the load balancer's target groups and their tags, and every listener with its rules.</summary>
public sealed record LoadBalancerObservation(
    string Hostname,
    Elbv2LoadBalancer? LoadBalancer,
    IReadOnlyList<Elbv2TargetGroup> TargetGroups,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags,
    IReadOnlyList<ListenerRules> Listeners)
{
    /// <summary>An observation of a hostname no load balancer answers to.</summary>
    public static LoadBalancerObservation NotFound(string hostname) =>
        new(hostname, null, [], new Dictionary<string, IReadOnlyDictionary<string, string>>(), []);
}
