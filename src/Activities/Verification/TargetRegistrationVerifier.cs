namespace RolloutWorkflows.Activities.Verification;

using RolloutWorkflows.Activities.Aws;

/// <summary>Checks that every ready endpoint of a service is registered in each IP-mode target group bound to it. Pure.
/// Health is not required (a new pod is <c>initial</c> for a while), but a target that is being deregistered
/// (<c>draining</c>) or reported <c>Target.NotRegistered</c> does not count as registered.</summary>
public static class TargetRegistrationVerifier
{
    private static HashSet<string> DeregisteringStates { get; } = new(StringComparer.OrdinalIgnoreCase) { "draining", "unhealthy.draining" };

    /// <summary>Verifies the ready endpoints of <paramref name="request"/> against what each target group reported.</summary>
    public static TargetVerificationResult Verify(TargetVerificationRequest request, IReadOnlyList<TargetGroupTargets> observed)
    {
        var expected = request.ReadyEndpoints.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (observed.Count == 0)
        {
            return Result(request, false, $"no target group is bound to service {request.Namespace}/{request.ServiceName} yet", expected.Count, []);
        }

        var groups = new List<TargetGroupRegistration>();
        foreach (var group in observed)
        {
            if (!string.Equals(group.TargetGroup.TargetType, "ip", StringComparison.OrdinalIgnoreCase))
            {
                groups.Add(new(group.TargetGroup.TargetGroupArn, 0, 0, [], [], $"target type '{group.TargetGroup.TargetType ?? "unknown"}' is not ip; pod endpoints are not its targets"));
                continue;
            }

            var registered = group.Targets.Where(IsRegistered).Select(t => t.Endpoint).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(e => !registered.Contains(e)).ToList();
            var extra = registered.Where(r => !expected.Contains(r, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            groups.Add(new(group.TargetGroup.TargetGroupArn, expected.Count, expected.Count - missing.Count, missing, extra, null));
        }

        var checkedGroups = groups.Where(g => g.SkippedReason is null).ToList();
        if (checkedGroups.Count == 0)
        {
            return Result(request, true, "no IP-mode target group is bound to the service; nothing to check", expected.Count, groups);
        }

        if (expected.Count == 0)
        {
            return Result(request, false, $"service {request.Namespace}/{request.ServiceName} has no ready endpoints", 0, groups);
        }

        var incomplete = checkedGroups.Where(g => g.Missing.Count > 0).ToList();
        var reason = incomplete.Count == 0 ? null : string.Join("; ", incomplete.Select(g =>
            $"{Name(g.TargetGroupArn)}: {g.Registered}/{g.Expected} ready endpoints registered, missing {string.Join(", ", g.Missing.Take(5))}{(g.Missing.Count > 5 ? ", ..." : "")}"));
        return Result(request, incomplete.Count == 0, reason, expected.Count, groups);
    }

    /// <summary>Whether a reported target is (still) registered: anything but deregistration in progress or "not registered".</summary>
    public static bool IsRegistered(Elbv2TargetHealth target) =>
        !DeregisteringStates.Contains(target.State) && !string.Equals(target.Reason, "Target.NotRegistered", StringComparison.Ordinal);

    private static string Name(string targetGroupArn)
    {
        var parts = targetGroupArn.Split('/');
        return parts.Length >= 2 ? parts[^2] : targetGroupArn;
    }

    private static TargetVerificationResult Result(TargetVerificationRequest request, bool verified, string? reason, int expected, IReadOnlyList<TargetGroupRegistration> groups) =>
        new(request.Namespace, request.ServiceName, verified, reason, expected,
            groups.Where(g => g.SkippedReason is null).Sum(g => g.Missing.Count),
            groups.Where(g => g.SkippedReason is null).Sum(g => g.Extra.Count),
            groups);
}
