namespace RolloutWorkflows.Activities.Tests.Verification;

using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Verification;

/// <summary>Builds ELBv2 observations (as the client would return them) for the pure verifier tests.</summary>
public sealed class AlbObservationBuilder
{
    private readonly List<Elbv2TargetGroup> groups = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> tags = new(StringComparer.Ordinal);
    private readonly List<ListenerRules> listeners = [];

    public AlbObservationBuilder(string hostname = "k8s-default-web-1234567890.us-west-2.elb.amazonaws.com")
    {
        Hostname = hostname;
        LoadBalancer = new Elbv2LoadBalancer("arn:lb/" + hostname, "k8s-default-web", hostname, "internet-facing", "application", "active", "vpc-1");
    }

    public string Hostname { get; }

    public Elbv2LoadBalancer LoadBalancer { get; }

    /// <summary>Adds a target group tagged for <c>ns/ingress-svc:port</c>; returns its ARN.</summary>
    public string TargetGroup(string resourceId, string targetType = "ip")
    {
        var arn = $"arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/tg-{groups.Count}/{groups.Count:x16}";
        groups.Add(new Elbv2TargetGroup(arn, $"tg-{groups.Count}", "HTTP", 8080, targetType, "vpc-1", [LoadBalancer.LoadBalancerArn]));
        tags[arn] = new Dictionary<string, string> { [WeightVerificationRequest.ResourceTagKey] = resourceId };
        return arn;
    }

    /// <summary>Adds a listener on <paramref name="port"/> whose rules are given as lists of (target group, weight) forward actions,
    /// followed by a default 404 rule.</summary>
    public AlbObservationBuilder Listener(int port, params (string Arn, int Weight)[][] forwardRules)
    {
        var listenerArn = $"arn:listener/{port}";
        var rules = forwardRules.Select((targets, i) => new Elbv2Rule(
            $"{listenerArn}/rule-{i + 1}",
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            false,
            [new Elbv2RuleCondition("path-pattern", ["/*"])],
            [new Elbv2Action("forward", 1, null, new Elbv2ForwardConfig(targets.Select(t => new Elbv2WeightedTargetGroup(t.Arn, t.Weight)).ToList(), false, null))]))
            .Append(new Elbv2Rule($"{listenerArn}/default", "default", true, [], [new Elbv2Action("fixed-response", 1, null, null)]))
            .ToList();
        listeners.Add(new ListenerRules(new Elbv2Listener(listenerArn, LoadBalancer.LoadBalancerArn, port, "HTTP", []), rules));
        return this;
    }

    public LoadBalancerObservation Build() => new(Hostname, LoadBalancer, groups.ToList(), new Dictionary<string, IReadOnlyDictionary<string, string>>(tags), listeners.ToList());
}
