namespace RolloutWorkflows.Activities.Aws;

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

/// <summary>Finds and caches the slow-changing ELBv2 data verification needs: load balancer by DNS name,
/// listeners and target groups per load balancer, tags per target group (TTLs from <see cref="Elbv2ClientOptions"/>).
/// Rules and target health are always read fresh. Any <c>*NotFound</c> drops the affected entries so the
/// next call rediscovers. Concurrent identical loads share one AWS call.</summary>
public sealed partial class Elbv2Discovery
{
    private readonly IElbv2Api api;
    private readonly TtlCache<string, Elbv2LoadBalancer?> loadBalancers;
    private readonly TtlCache<string, IReadOnlyList<Elbv2Listener>> listeners;
    private readonly TtlCache<string, IReadOnlyList<Elbv2TargetGroup>> targetGroups;
    private readonly TtlCache<string, IReadOnlyDictionary<string, string>> tags;
    private readonly ConcurrentDictionary<string, string> listenerOwners = new(StringComparer.Ordinal);

    public Elbv2Discovery(IElbv2Api api, Elbv2ClientOptions options, TimeProvider? timeProvider = null)
    {
        this.api = api;
        var clock = timeProvider ?? TimeProvider.System;
        loadBalancers = new(options.LoadBalancerCacheTtl, clock, StringComparer.OrdinalIgnoreCase);
        listeners = new(options.ListenersCacheTtl, clock, StringComparer.Ordinal);
        targetGroups = new(options.TargetGroupsCacheTtl, clock, StringComparer.Ordinal);
        tags = new(options.TagsCacheTtl, clock, StringComparer.Ordinal);
    }

    /// <summary>The API calls go to (for fresh reads by callers that need them).</summary>
    public IElbv2Api Api => api;

    /// <summary>The load balancer whose DNSName equals <paramref name="dnsName"/> (case-insensitively), or null.
    /// Costs one DescribeLoadBalancers by name when the name can be derived from the hostname; falls back to a paged
    /// scan of every load balancer otherwise. Hits are cached; misses are not, so a new ALB is found as soon as it exists.</summary>
    public async Task<Elbv2LoadBalancer?> FindLoadBalancerByDnsNameAsync(string dnsName, CancellationToken cancellationToken)
    {
        var host = NormalizeHost(dnsName);
        if (host.Length == 0)
        {
            throw new ArgumentException("dnsName must be a load balancer hostname such as k8s-default-web-0123456789.us-west-2.elb.amazonaws.com.", nameof(dnsName));
        }

        var found = await loadBalancers.GetOrLoadAsync(host, LookUpAsync, cancellationToken);
        if (found is null)
        {
            loadBalancers.Invalidate(host);
        }

        return found;
    }

    /// <summary>Listeners of a load balancer (cached).</summary>
    public async Task<IReadOnlyList<Elbv2Listener>> GetListenersAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var result = await WithInvalidationAsync(loadBalancerArn, () => listeners.GetOrLoadAsync(loadBalancerArn, api.DescribeListenersAsync, cancellationToken));
        foreach (var listener in result)
        {
            listenerOwners[listener.ListenerArn] = loadBalancerArn;
        }

        return result;
    }

    /// <summary>Target groups attached to a load balancer (cached). A load balancer without target groups gives an
    /// empty list whether AWS answers empty or TargetGroupNotFound.</summary>
    public Task<IReadOnlyList<Elbv2TargetGroup>> GetTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        WithInvalidationAsync(loadBalancerArn, () => targetGroups.GetOrLoadAsync(loadBalancerArn, LoadTargetGroupsAsync, cancellationToken));

    /// <summary>Tags of the given resources (cached per ARN; only missing ones are fetched, 20 per call).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetTagsAsync(IReadOnlyCollection<string> resourceArns, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var arn in resourceArns.Distinct(StringComparer.Ordinal))
        {
            if (tags.TryGet(arn, out var cached))
            {
                result[arn] = cached;
            }
            else
            {
                missing.Add(arn);
            }
        }

        if (missing.Count > 0)
        {
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fetched;
            try
            {
                fetched = await api.DescribeTagsAsync(missing, cancellationToken);
            }
            catch (Elbv2Exception e) when (e.IsNotFound)
            {
                // A resource disappeared: the target group lists that named it are stale.
                targetGroups.Clear();
                throw;
            }

            foreach (var arn in missing)
            {
                var value = fetched.TryGetValue(arn, out var t) ? t : new Dictionary<string, string>();
                tags.Set(arn, value);
                result[arn] = value;
            }
        }

        return result;
    }

    /// <summary>Rules of a listener, read fresh (weights change during a rollout).</summary>
    public async Task<IReadOnlyList<Elbv2Rule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken)
    {
        try
        {
            return await api.DescribeRulesAsync(listenerArn, cancellationToken);
        }
        catch (Elbv2Exception e) when (e.IsNotFound)
        {
            if (listenerOwners.TryRemove(listenerArn, out var owner))
            {
                listeners.Invalidate(owner);
            }

            throw;
        }
    }

    /// <summary>Registered targets of a target group, read fresh.</summary>
    public async Task<IReadOnlyList<Elbv2TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        try
        {
            return await api.DescribeTargetHealthAsync(targetGroupArn, cancellationToken);
        }
        catch (Elbv2Exception e) when (e.IsNotFound)
        {
            tags.Invalidate(targetGroupArn);
            targetGroups.Clear();
            throw;
        }
    }

    /// <summary>Forgets one load balancer's target group list and those groups' tags (e.g. a backend's target group was not found:
    /// the LBC may have created it since).</summary>
    public void InvalidateTargetGroups(string loadBalancerArn)
    {
        if (targetGroups.TryGet(loadBalancerArn, out var groups))
        {
            foreach (var group in groups)
            {
                tags.Invalidate(group.TargetGroupArn);
            }
        }

        targetGroups.Invalidate(loadBalancerArn);
    }

    /// <summary>Forgets everything cached about one load balancer (its DNS mapping, listeners, target groups and their tags).</summary>
    public void Invalidate(string loadBalancerArn)
    {
        InvalidateTargetGroups(loadBalancerArn);
        listeners.Invalidate(loadBalancerArn);
        loadBalancers.Clear();
    }

    /// <summary>The load balancer name encoded in an ELB hostname: <c>[internal-]&lt;name&gt;-&lt;digits&gt;.&lt;region&gt;.elb.amazonaws.com</c>, or null if the hostname has another shape.</summary>
    public static string? DeriveLoadBalancerName(string dnsName)
    {
        var match = ElbHostname().Match(NormalizeHost(dnsName));
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static string NormalizeHost(string dnsName)
    {
        var host = dnsName.Trim().TrimEnd('.').ToLowerInvariant();
        return host.StartsWith("dualstack.", StringComparison.Ordinal) ? host["dualstack.".Length..] : host;
    }

    private async Task<Elbv2LoadBalancer?> LookUpAsync(string host, CancellationToken cancellationToken)
    {
        if (DeriveLoadBalancerName(host) is { } name)
        {
            try
            {
                var byName = await api.DescribeLoadBalancersAsync([name], null, cancellationToken);
                if (byName.FirstOrDefault(lb => string.Equals(NormalizeHost(lb.DnsName), host, StringComparison.Ordinal)) is { } hit)
                {
                    return hit;
                }
            }
            catch (Elbv2Exception e) when (e.IsNotFound)
            {
                // Name derivation guessed wrong (or the LB is gone): fall back to the scan.
            }
        }

        var all = await api.DescribeLoadBalancersAsync(null, null, cancellationToken);
        return all.FirstOrDefault(lb => string.Equals(NormalizeHost(lb.DnsName), host, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<Elbv2TargetGroup>> LoadTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        try
        {
            return await api.DescribeTargetGroupsAsync(loadBalancerArn, null, cancellationToken);
        }
        catch (Elbv2Exception e) when (e.Code == "TargetGroupNotFound")
        {
            return [];
        }
    }

    private async Task<T> WithInvalidationAsync<T>(string loadBalancerArn, Func<Task<T>> load)
    {
        try
        {
            return await load();
        }
        catch (Elbv2Exception e) when (e.IsNotFound)
        {
            Invalidate(loadBalancerArn);
            throw;
        }
    }

    // LB names are 1-32 alphanumerics and hyphens, cannot start with "internal-"; AWS appends "-<digits>" and the regional domain.
    [GeneratedRegex(@"^(?:internal-)?(?<name>[a-z0-9][a-z0-9-]{0,31})-\d+\.[a-z0-9-]+\.elb\.amazonaws\.com(?:\.cn)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ElbHostname();
}
