namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>Reads target registration from ELBv2 (DescribeTargetHealth, fresh, one call per IP-mode target group) and runs
/// <see cref="TargetRegistrationVerifier"/>. Target groups come from the request (TargetGroupBindings) or, when none are
/// given, from the LBC's tags on the ingress's load balancer (cached lookups).</summary>
public sealed class TargetVerificationService
{
    private readonly Elbv2Discovery discovery;

    public TargetVerificationService(Elbv2Discovery discovery) => this.discovery = discovery;

    /// <summary>Verifies one service.</summary>
    public async Task<TargetVerificationResult> VerifyAsync(TargetVerificationRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        var groups = request.TargetGroups.Count > 0 ? request.TargetGroups : await FindByTagsAsync(request, request.Lookup!, cancellationToken);
        var observed = new List<TargetGroupTargets>(groups.Count);
        foreach (var group in groups)
        {
            var targets = string.Equals(group.TargetType, "ip", StringComparison.OrdinalIgnoreCase)
                ? await discovery.GetTargetHealthAsync(group.TargetGroupArn, cancellationToken)
                : [];
            observed.Add(new TargetGroupTargets(group, targets));
        }

        return TargetRegistrationVerifier.Verify(request, observed);
    }

    private async Task<IReadOnlyList<TargetGroupRef>> FindByTagsAsync(TargetVerificationRequest request, TargetGroupLookup lookup, CancellationToken cancellationToken)
    {
        var resourceId = $"{request.Namespace}/{lookup.IngressName}-{request.ServiceName}:{lookup.ServicePort}";
        var found = new List<TargetGroupRef>();
        foreach (var hostname in lookup.LoadBalancerHostnames.Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await discovery.FindLoadBalancerByDnsNameAsync(hostname, cancellationToken) is not { } loadBalancer)
            {
                continue;
            }

            var targetGroups = await discovery.GetTargetGroupsAsync(loadBalancer.LoadBalancerArn, cancellationToken);
            var tags = await discovery.GetTagsAsync(targetGroups.Select(tg => tg.TargetGroupArn).ToList(), cancellationToken);
            var matches = targetGroups.Where(tg => tags.TryGetValue(tg.TargetGroupArn, out var t)
                && t.TryGetValue(WeightVerificationRequest.ResourceTagKey, out var id) && id == resourceId).ToList();
            if (matches.Count == 0)
            {
                discovery.InvalidateTargetGroups(loadBalancer.LoadBalancerArn);
            }

            found.AddRange(matches.Where(m => found.TrueForAll(f => f.TargetGroupArn != m.TargetGroupArn)).Select(m => new TargetGroupRef(m.TargetGroupArn, m.TargetType)));
        }

        return found;
    }
}
