namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>Reads what <see cref="WeightVerifier"/> needs from ELBv2 and runs it. Load balancer, listeners, target groups
/// and tags come from <see cref="Elbv2Discovery"/>'s caches; rules are read fresh, so once caches are warm one
/// verification of one ingress costs one DescribeRules per listener. AWS errors propagate; "not there yet" is a result.</summary>
public sealed class WeightVerificationService
{
    private readonly Elbv2Discovery discovery;

    public WeightVerificationService(Elbv2Discovery discovery) => this.discovery = discovery;

    /// <summary>Verifies one ingress.</summary>
    public async Task<WeightVerificationResult> VerifyAsync(WeightVerificationRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        var observations = new List<LoadBalancerObservation>();
        foreach (var hostname in request.LoadBalancerHostnames.Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            observations.Add(await ObserveWithRediscoveryAsync(hostname, cancellationToken));
        }

        var result = WeightVerifier.Verify(request, observations);
        if (!result.Verified)
        {
            foreach (var observation in observations.Where(o => o.LoadBalancer is not null && HasStaleTargetGroups(o, result)))
            {
                discovery.InvalidateTargetGroups(observation.LoadBalancer!.LoadBalancerArn);
            }
        }

        return result;
    }

    /// <summary>The cached target group list may predate the LBC's latest change when a destination has no target group,
    /// or a rule forwards to a target group the list does not know (a replaced target group): read it again next time.</summary>
    private static bool HasStaleTargetGroups(LoadBalancerObservation observation, WeightVerificationResult result)
    {
        var known = observation.TargetGroups.Select(tg => tg.TargetGroupArn).ToHashSet(StringComparer.Ordinal);
        return result.TargetGroups.Any(t => t.TargetGroupArn is null && string.Equals(t.Hostname, observation.Hostname, StringComparison.OrdinalIgnoreCase))
            || observation.Listeners.SelectMany(l => l.Rules).SelectMany(r => r.Actions).SelectMany(a => a.ForwardTargets).Any(t => !known.Contains(t.TargetGroupArn));
    }

    /// <summary>Verifies several ingresses (e.g. an internal and an external one); each gets its own result.</summary>
    public async Task<IReadOnlyList<WeightVerificationResult>> VerifyAllAsync(IReadOnlyList<WeightVerificationRequest> requests, CancellationToken cancellationToken)
    {
        var results = new List<WeightVerificationResult>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(await VerifyAsync(request, cancellationToken));
        }

        return results;
    }

    /// <summary>Reads one hostname's load balancer; a *NotFound on the way (the cached ALB, listener or target group went away)
    /// drops that load balancer's cache entries and reads once more from scratch.</summary>
    private async Task<LoadBalancerObservation> ObserveWithRediscoveryAsync(string hostname, CancellationToken cancellationToken)
    {
        try
        {
            return await ObserveAsync(hostname, cancellationToken);
        }
        catch (Elbv2Exception e) when (e.IsNotFound)
        {
            return await ObserveAsync(hostname, cancellationToken);
        }
    }

    private async Task<LoadBalancerObservation> ObserveAsync(string hostname, CancellationToken cancellationToken)
    {
        var loadBalancer = await discovery.FindLoadBalancerByDnsNameAsync(hostname, cancellationToken);
        if (loadBalancer is null)
        {
            return LoadBalancerObservation.NotFound(hostname);
        }

        var targetGroups = await discovery.GetTargetGroupsAsync(loadBalancer.LoadBalancerArn, cancellationToken);
        var tags = await discovery.GetTagsAsync(targetGroups.Select(tg => tg.TargetGroupArn).ToList(), cancellationToken);
        var listeners = await discovery.GetListenersAsync(loadBalancer.LoadBalancerArn, cancellationToken);
        var rules = new List<ListenerRules>(listeners.Count);
        foreach (var listener in listeners)
        {
            rules.Add(new ListenerRules(listener, await discovery.GetRulesAsync(listener.ListenerArn, cancellationToken)));
        }

        return new LoadBalancerObservation(hostname, loadBalancer, targetGroups, tags, rules);
    }
}
