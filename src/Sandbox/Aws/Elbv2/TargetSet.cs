namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Registered targets of one target group with their registration timeline (guarded by the store's lock).</summary>
internal sealed class TargetSet
{
    private readonly Dictionary<Elbv2TargetId, Timeline> entries = [];

    public (int Registered, int Deregistered) Sync(IEnumerable<Elbv2TargetId> desired, DateTimeOffset now, TimeSpan healthyAfter, TimeSpan drainFor)
    {
        Prune(now);
        var wanted = desired.ToHashSet();
        var registered = 0;
        var deregistered = 0;
        foreach (var id in wanted)
        {
            // A draining target that comes back is registered anew, as RegisterTargets does on AWS.
            if (!entries.TryGetValue(id, out var timeline) || timeline.GoneAt is not null)
            {
                entries[id] = new Timeline(now + healthyAfter, null);
                registered++;
            }
        }

        foreach (var (id, timeline) in entries.Where(e => !wanted.Contains(e.Key) && e.Value.GoneAt is null).ToList())
        {
            entries[id] = timeline with { GoneAt = now + drainFor };
            deregistered++;
        }

        Prune(now);
        return (registered, deregistered);
    }

    public IReadOnlyList<Elbv2TargetHealth> Describe(DateTimeOffset now, bool inUse)
    {
        Prune(now);
        return [.. entries
            .OrderBy(e => e.Key.Id, StringComparer.Ordinal).ThenBy(e => e.Key.Port)
            .Select(e => Health(e.Key, e.Value, now, inUse))];
    }

    private static Elbv2TargetHealth Health(Elbv2TargetId id, Timeline timeline, DateTimeOffset now, bool inUse)
    {
        if (timeline.GoneAt is not null)
        {
            return new(id.Id, id.Port, null, "draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
        }

        if (!inUse)
        {
            return new(id.Id, id.Port, null, "unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        }

        return now < timeline.HealthyAt
            ? new(id.Id, id.Port, null, "initial", "Elb.RegistrationInProgress", "Target registration is in progress")
            : new(id.Id, id.Port, null, "healthy", null, null);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var id in entries.Where(e => e.Value.GoneAt <= now).Select(e => e.Key).ToList())
        {
            entries.Remove(id);
        }
    }

    private sealed record Timeline(DateTimeOffset HealthyAt, DateTimeOffset? GoneAt);
}
