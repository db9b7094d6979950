namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Seeds a store with ALBs shaped like the ones the LBC creates for the guide's canary Ingress.</summary>
public static class SampleAlb
{
    public static Ids Seed(Elbv2Store store, string name = "k8s-default-webingre-2b1f0c9d3e", int canaryWeight = 10)
    {
        var lb = new Elbv2LoadBalancer(store.Arns.LoadBalancer(name), name, store.Arns.DnsName(name), "internet-facing", new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero));
        store.PutLoadBalancer(lb);
        var listener = new Elbv2Listener(store.Arns.Listener(lb.Arn, 80), lb.Arn, 80, "HTTP", [Elbv2Action.Fixed(404)]);
        store.PutListener(listener);
        var stable = TargetGroup(store, name + "-stable", "web-stable");
        var canary = TargetGroup(store, name + "-canary", "web-canary");
        var forward = Elbv2Action.ForwardTo(new Elbv2ForwardConfig([new(canary.Arn, canaryWeight), new(stable.Arn, 100 - canaryWeight)]));
        var rule = new Elbv2Rule(store.Arns.Rule(listener.Arn, "1"), listener.Arn, 1, [new Elbv2Condition("path-pattern", ["/*"])], [forward]);
        store.SetRules(listener.Arn, [rule]);
        store.SetTags(lb.Arn, new Dictionary<string, string> { ["elbv2.k8s.aws/cluster"] = "sandbox", ["ingress.k8s.aws/resource"] = "LoadBalancer" });
        return new Ids(lb, listener, rule, stable, canary);
    }

    private static Elbv2TargetGroup TargetGroup(Elbv2Store store, string name, string service)
    {
        var tg = new Elbv2TargetGroup(store.Arns.TargetGroup(name), name, "HTTP", 8080, "ip");
        store.PutTargetGroup(tg);
        store.SetTags(tg.Arn, new Dictionary<string, string>
        {
            ["elbv2.k8s.aws/cluster"] = "sandbox",
            ["ingress.k8s.aws/stack"] = "default/web-ingress",
            ["ingress.k8s.aws/resource"] = $"default/web-ingress-{service}:80",
        });
        return tg;
    }

    public sealed record Ids(Elbv2LoadBalancer LoadBalancer, Elbv2Listener Listener, Elbv2Rule Rule, Elbv2TargetGroup Stable, Elbv2TargetGroup Canary);
}
