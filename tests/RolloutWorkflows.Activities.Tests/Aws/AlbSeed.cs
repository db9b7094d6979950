namespace RolloutWorkflows.Activities.Tests.Aws;

using Sim = RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Seeds the emulator's store the way the AWS Load Balancer Controller shapes an ALB: tagged target groups,
/// a listener with a 404 default action, weighted forward rules with priorities 1..N, and IP targets.</summary>
public sealed class AlbSeed
{
    private readonly Sim.Elbv2Store store;
    private static int targetGroupCount;

    public AlbSeed(Sim.Elbv2Store store, string name = "k8s-default-web-2b1f0c9d3e", string scheme = "internet-facing", string? dnsName = null)
    {
        this.store = store;
        LoadBalancerArn = store.Arns.LoadBalancer(name);
        DnsName = dnsName ?? store.Arns.DnsName(name, scheme);
        store.PutLoadBalancer(new Sim.Elbv2LoadBalancer(LoadBalancerArn, name, DnsName, scheme, DateTimeOffset.UnixEpoch));
    }

    public string LoadBalancerArn { get; }

    public string DnsName { get; }

    /// <summary>Creates a target group tagged as LBC does for <c>ns/ingress-svc:port</c>.</summary>
    public string TargetGroup(string ns, string ingress, string service, string port = "80", string targetType = "ip")
    {
        var name = $"k8s-{ns}-{service}-{Interlocked.Increment(ref targetGroupCount)}";
        name = name.Length > 32 ? name[..32] : name;
        var arn = store.Arns.TargetGroup(name);
        store.PutTargetGroup(new Sim.Elbv2TargetGroup(arn, name, "HTTP", 8080, targetType));
        store.SetTags(arn, new Dictionary<string, string>
        {
            ["elbv2.k8s.aws/cluster"] = "sandbox",
            ["ingress.k8s.aws/stack"] = $"{ns}/{ingress}",
            ["ingress.k8s.aws/resource"] = $"{ns}/{ingress}-{service}:{port}",
        });
        return arn;
    }

    /// <summary>Adds a listener with the LBC's fixed 404 default action.</summary>
    public string Listener(int port)
    {
        var arn = store.Arns.Listener(LoadBalancerArn, port);
        store.PutListener(new Sim.Elbv2Listener(arn, LoadBalancerArn, port, port == 443 ? "HTTPS" : "HTTP", [Sim.Elbv2Action.Fixed(404)]));
        return arn;
    }

    /// <summary>Replaces the listener's rules with one weighted forward rule per entry, priorities 1..N.</summary>
    public void Rules(string listenerArn, params (string Arn, int Weight)[][] forwardRules) =>
        store.SetRules(listenerArn, [.. forwardRules.Select((targets, i) => new Sim.Elbv2Rule(
            store.Arns.Rule(listenerArn, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            listenerArn,
            i + 1,
            [new Sim.Elbv2Condition("path-pattern", ["/*"])],
            [Sim.Elbv2Action.ForwardTo(new Sim.Elbv2ForwardConfig([.. targets.Select(t => new Sim.Elbv2WeightedTargetGroup(t.Arn, t.Weight))]))]))]);

    /// <summary>Makes the registered targets of a target group exactly <paramref name="endpoints"/> (<c>ip:port</c>), healthy at once.</summary>
    public void Targets(string targetGroupArn, params string[] endpoints) =>
        store.SyncTargets(targetGroupArn, endpoints.Select(e => new Sim.Elbv2TargetId(e[..e.LastIndexOf(':')], int.Parse(e[(e.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture))), TimeSpan.Zero, TimeSpan.FromMinutes(5));
}
