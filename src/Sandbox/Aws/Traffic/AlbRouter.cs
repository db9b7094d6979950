namespace RolloutWorkflows.Sandbox.Aws.Traffic;

using System.Text.RegularExpressions;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// Routes one request the way an ALB does: listener, first matching rule by priority (else the default
/// action), weighted target group choice, then a target among the healthy ones (all non-draining ones
/// when none is healthy, as ALB fails open). The answer is 502 when the target is not a live, ready Pod
/// (a live Pod the Service no longer selects still answers: reason <c>stale-target</c>).
/// </summary>
public sealed class AlbRouter
{
    private readonly Elbv2Store store;
    private readonly Random random;

    /// <summary>Initializes a new instance of the <see cref="AlbRouter"/> class.</summary>
    public AlbRouter(Elbv2Store store, Random random)
    {
        this.store = store;
        this.random = random;
    }

    /// <summary>Routes one request to the load balancer with this DNS name (the first one when null).</summary>
    public RequestOutcome Route(string? dnsName, string host, string path, TrafficSnapshot snapshot)
    {
        var lb = store.LoadBalancers.FirstOrDefault(l => dnsName is null || string.Equals(l.DnsName, dnsName, StringComparison.OrdinalIgnoreCase));
        if (lb is null)
        {
            return new RequestOutcome(503, null, "no-load-balancer");
        }

        var listener = store.Listeners.FirstOrDefault(l => l.LoadBalancerArn == lb.Arn);
        if (listener is null)
        {
            return new RequestOutcome(503, null, "no-listener");
        }

        var rule = store.GetRules(listener.Arn).FirstOrDefault(r => r.Conditions.All(c => Matches(c, host, path)));
        var action = (rule?.Actions ?? listener.DefaultActions).OrderBy(a => a.Order).FirstOrDefault();
        return action switch
        {
            { Forward: { } forward } => Forward(forward, snapshot),
            { FixedResponse: { } fixedResponse } => new RequestOutcome(fixedResponse.StatusCode, null, "fixed-response"),
            _ => new RequestOutcome(503, null, "no-action"),
        };
    }

    private RequestOutcome Forward(Elbv2ForwardConfig forward, TrafficSnapshot snapshot)
    {
        var total = forward.TargetGroups.Sum(t => t.Weight);
        if (total <= 0)
        {
            return new RequestOutcome(503, null, "no-weight");
        }

        var pick = random.Next(total);
        var chosen = forward.TargetGroups.First(t => (pick -= t.Weight) < 0).TargetGroupArn;
        var targets = store.GetTargetHealth(chosen);
        var healthy = targets.Where(t => t.State == "healthy").ToList();
        var candidates = healthy.Count > 0 ? healthy : [.. targets.Where(t => t.State is "initial" or "unhealthy")];
        if (candidates.Count == 0)
        {
            return new RequestOutcome(503, null, "no-registered-targets");
        }

        var target = candidates[random.Next(candidates.Count)];
        var (serviceNamespace, serviceName) = ServiceOf(chosen);
        // An ALB in IP mode knows addresses, not Services: a live, ready Pod serves the request even when the
        // Service no longer selects it (the LBC has not deregistered it yet). That is a stale target, which is
        // why old pods must outlive their registration; a gone or unready Pod is a 502.
        var pod = snapshot.LiveReadyPod(target.Id, null, null);
        if (pod is null)
        {
            return new RequestOutcome(502, null, "target-not-ready-pod");
        }

        var selected = snapshot.LiveReadyPod(target.Id, serviceNamespace, serviceName) is not null;
        return new RequestOutcome(200, TrafficSnapshot.RevisionOf(pod), selected ? "ok" : "stale-target");
    }

    /// <summary>Recovers the Service from the LBC tags: resource `ns/ingress-svc:port` minus stack `ns/ingress`.</summary>
    private (string? Namespace, string? Name) ServiceOf(string targetGroupArn)
    {
        var tags = store.GetTags(targetGroupArn);
        if (!tags.TryGetValue("ingress.k8s.aws/stack", out var stack) || !tags.TryGetValue("ingress.k8s.aws/resource", out var resource)
            || !resource.StartsWith(stack + "-", StringComparison.Ordinal) || resource.LastIndexOf(':') <= stack.Length)
        {
            return (null, null);
        }

        return (stack.Split('/')[0], resource[(stack.Length + 1)..resource.LastIndexOf(':')]);
    }

    private static bool Matches(Elbv2Condition condition, string host, string path) => condition.Field switch
    {
        "path-pattern" => condition.Values.Any(v => Glob(v, path, RegexOptions.None)),
        "host-header" => condition.Values.Any(v => Glob(v, host, RegexOptions.IgnoreCase)),
        _ => false,
    };

    private static bool Glob(string pattern, string text, RegexOptions options) =>
        Regex.IsMatch(text, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
