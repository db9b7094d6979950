namespace RolloutWorkflows.Activities.Verification;

/// <summary>What one ingress should look like on its ALB(s): every destination's target group (tagged
/// <c>ingress.k8s.aws/resource=&lt;ns&gt;/&lt;ingress&gt;-&lt;svc&gt;:&lt;port&gt;</c> by the AWS Load Balancer Controller)
/// must carry its weight in the rule(s) whose forward action serves these target groups.</summary>
/// <param name="Namespace">The ingress's namespace.</param>
/// <param name="IngressName">The ingress's name.</param>
/// <param name="LoadBalancerHostnames">The ingress's <c>status.loadBalancer.ingress[].hostname</c> values (empty until the LBC has provisioned the ALB).</param>
/// <param name="ServicePort">The service port as written in the ingress/action (a number such as <c>80</c>, or a port name).</param>
/// <param name="Destinations">Every destination with its desired weight, stable included.</param>
public sealed record WeightVerificationRequest(
    string Namespace,
    string IngressName,
    IReadOnlyList<string> LoadBalancerHostnames,
    string ServicePort,
    IReadOnlyList<WeightDestination> Destinations)
{
    /// <summary>The LBC tag key that names the ingress backend a target group serves.</summary>
    public const string ResourceTagKey = "ingress.k8s.aws/resource";

    /// <summary>The LBC resource id of <paramref name="serviceName"/>'s target group for this ingress and port.</summary>
    public string ResourceId(string serviceName) => $"{Namespace}/{IngressName}-{serviceName}:{ServicePort}";

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Check(!string.IsNullOrWhiteSpace(Namespace), nameof(Namespace), "must name the ingress's namespace");
        Check(!string.IsNullOrWhiteSpace(IngressName), nameof(IngressName), "must name the ingress");
        Check(!string.IsNullOrWhiteSpace(ServicePort), nameof(ServicePort), "must be the backend service port (number or name) used in the ingress");
        Check(Destinations.Count > 0, nameof(Destinations), "must list at least one service with its weight (canary and stable)");
        foreach (var d in Destinations)
        {
            Check(!string.IsNullOrWhiteSpace(d.ServiceName), nameof(Destinations), "has a destination without a service name");
            Check(d.Weight is >= 0 and <= 999, nameof(Destinations), $"weight {d.Weight} of service '{d.ServiceName}' must be between 0 and 999");
        }

        Check(Destinations.Select(d => d.ServiceName).Distinct(StringComparer.Ordinal).Count() == Destinations.Count, nameof(Destinations), "names a service twice");
        Check(Destinations.Sum(d => d.Weight) > 0, nameof(Destinations), "weights sum to 0; at least one destination must receive traffic");
    }

    private static void Check(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(WeightVerificationRequest)}.{field} {problem}.", field);
        }
    }
}
