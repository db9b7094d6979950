namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>Checks desired weights against what ELBv2 reports. Pure: data in, data out.
/// Unlike Argo Rollouts it checks every destination (stable too), on every hostname, in every rule whose forward
/// action serves the destinations' target groups (not "the last rule seen"), and compares weights as shares
/// because ELBv2 weights are relative.</summary>
public static class WeightVerifier
{
    /// <summary>Verifies <paramref name="request"/> against one observation per hostname.</summary>
    public static WeightVerificationResult Verify(WeightVerificationRequest request, IReadOnlyList<LoadBalancerObservation> observations)
    {
        request.Validate();
        var hostnames = request.LoadBalancerHostnames.Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (hostnames.Count == 0)
        {
            return Result(request, false, $"ingress {request.Namespace}/{request.IngressName} has no load balancer hostname in its status yet", []);
        }

        var checks = new List<TargetGroupWeight>();
        var problems = new List<string>();
        foreach (var hostname in hostnames)
        {
            var observation = observations.FirstOrDefault(o => string.Equals(o.Hostname, hostname, StringComparison.OrdinalIgnoreCase));
            if (observation?.LoadBalancer is null)
            {
                problems.Add($"no load balancer has DNS name {hostname}");
                continue;
            }

            VerifyLoadBalancer(request, observation, checks, problems);
        }

        var verified = problems.Count == 0 && checks.Count > 0 && checks.All(c => c.Matches);
        return Result(request, verified, verified ? null : string.Join("; ", problems), checks);
    }

    private static void VerifyLoadBalancer(WeightVerificationRequest request, LoadBalancerObservation observation, List<TargetGroupWeight> checks, List<string> problems)
    {
        var lbName = observation.LoadBalancer!.LoadBalancerName;

        // Destination -> its target group ARNs on this load balancer, found through the LBC resource tag.
        var groups = request.Destinations.ToDictionary(
            d => d.ServiceName,
            d => observation.TargetGroups
                .Where(tg => observation.Tags.TryGetValue(tg.TargetGroupArn, out var tags)
                    && tags.TryGetValue(WeightVerificationRequest.ResourceTagKey, out var id)
                    && string.Equals(id, request.ResourceId(d.ServiceName), StringComparison.Ordinal))
                .Select(tg => tg.TargetGroupArn)
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var missing = request.Destinations.Where(d => groups[d.ServiceName].Count == 0).ToList();
        foreach (var d in missing)
        {
            checks.Add(new(observation.Hostname, d.ServiceName, request.ResourceId(d.ServiceName), null, d.Weight, null, null, null, null, null, false));
            problems.Add($"{lbName}: no target group tagged {WeightVerificationRequest.ResourceTagKey}={request.ResourceId(d.ServiceName)} (service {d.ServiceName})");
        }

        if (missing.Count > 0)
        {
            return;
        }

        var serving = ServingActions(request, observation, groups).ToList();
        if (serving.Count == 0)
        {
            foreach (var d in request.Destinations)
            {
                checks.Add(new(observation.Hostname, d.ServiceName, request.ResourceId(d.ServiceName), groups[d.ServiceName].First(), d.Weight, null, null, null, null, null, false));
            }

            problems.Add($"{lbName}: no listener rule forwards to the target groups of {string.Join(", ", request.Destinations.Where(d => d.Weight > 0).Select(d => d.ServiceName))} together");
            return;
        }

        var expectedTotal = request.Destinations.Sum(d => d.Weight);
        foreach (var (listener, rule, action) in serving)
        {
            var targets = action.ForwardTargets;
            var total = targets.Sum(t => t.Weight ?? 0);
            foreach (var d in request.Destinations)
            {
                var actual = targets.Where(t => groups[d.ServiceName].Contains(t.TargetGroupArn)).Sum(t => t.Weight ?? 0);
                var arn = targets.FirstOrDefault(t => groups[d.ServiceName].Contains(t.TargetGroupArn))?.TargetGroupArn ?? groups[d.ServiceName].First();

                // Weights are relative: compare shares (actual/total == expected/expectedTotal) without rounding.
                var matches = total == 0 ? actual == d.Weight : (long)actual * expectedTotal == (long)d.Weight * total;
                checks.Add(new(observation.Hostname, d.ServiceName, request.ResourceId(d.ServiceName), arn, d.Weight, actual, total, listener.ListenerArn, rule.RuleArn, rule.Priority, matches));
                if (!matches)
                {
                    problems.Add($"{lbName} listener {listener.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} rule {rule.Priority}: service {d.ServiceName} has weight {actual} of {total}, expected {d.Weight} of {expectedTotal}");
                }
            }
        }
    }

    // A forward action serves this ingress backend when it contains the target group of every destination that should
    // receive traffic. A header route that forwards to the canary alone is a different action and is not judged here.
    private static IEnumerable<(Elbv2Listener Listener, Elbv2Rule Rule, Elbv2Action Action)> ServingActions(
        WeightVerificationRequest request, LoadBalancerObservation observation, Dictionary<string, HashSet<string>> groups)
    {
        var required = request.Destinations.Where(d => d.Weight > 0).Select(d => groups[d.ServiceName]).ToList();
        foreach (var listener in observation.Listeners)
        {
            foreach (var rule in listener.Rules)
            {
                foreach (var action in rule.Actions.Where(a => a.IsForward))
                {
                    var arns = action.ForwardTargets.Select(t => t.TargetGroupArn).ToHashSet(StringComparer.Ordinal);
                    if (required.All(g => g.Overlaps(arns)))
                    {
                        yield return (listener.Listener, rule, action);
                    }
                }
            }
        }
    }

    private static WeightVerificationResult Result(WeightVerificationRequest request, bool verified, string? reason, IReadOnlyList<TargetGroupWeight> checks) =>
        new(request.Namespace, request.IngressName, verified, reason, checks);
}
