namespace RolloutWorkflows.Activities.Verification;

/// <summary>Where to find a service's target groups by the LBC's tags when no TargetGroupBinding names them:
/// the target groups of the ingress's load balancer(s) tagged <c>ingress.k8s.aws/resource=&lt;ns&gt;/&lt;ingress&gt;-&lt;svc&gt;:&lt;port&gt;</c>.</summary>
public sealed record TargetGroupLookup(string IngressName, IReadOnlyList<string> LoadBalancerHostnames, string ServicePort);
