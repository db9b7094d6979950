namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The ALB one Ingress should have (implicit group: one load balancer per Ingress).</summary>
/// <param name="IngressNamespace">Namespace of the Ingress.</param>
/// <param name="IngressName">Name of the Ingress.</param>
/// <param name="LoadBalancer">The load balancer.</param>
/// <param name="LoadBalancerTags">Tags of the load balancer.</param>
/// <param name="Listener">The HTTP:80 listener with its default action.</param>
/// <param name="Rules">Rules with priorities 1..N in path order.</param>
/// <param name="TargetGroups">One target group per (Ingress, Service, port) with its targets.</param>
/// <param name="Problems">What was tolerated, e.g. a missing action annotation turned into a fixed 503.</param>
public sealed record DesiredAlb(
    string IngressNamespace,
    string IngressName,
    Elbv2LoadBalancer LoadBalancer,
    IReadOnlyDictionary<string, string> LoadBalancerTags,
    Elbv2Listener Listener,
    IReadOnlyList<Elbv2Rule> Rules,
    IReadOnlyList<DesiredTargetGroup> TargetGroups,
    IReadOnlyList<string> Problems);
