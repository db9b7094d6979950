namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// The in-memory ELBv2 account the emulator serves. Simulators mutate it directly (no Create/Modify API),
/// the emulator only reads it. All members are thread-safe; reads return immutable snapshots.
/// Target health is computed when read, from registration and deregistration times, so health moves
/// from initial to healthy and draining targets disappear even while no controller runs.
/// </summary>
public sealed class Elbv2Store
{
    private readonly Lock gate = new();
    private readonly List<Elbv2LoadBalancer> loadBalancers = [];
    private readonly List<Elbv2Listener> listeners = [];
    private readonly Dictionary<string, IReadOnlyList<Elbv2Rule>> rulesByListener = new(StringComparer.Ordinal);
    private readonly List<Elbv2TargetGroup> targetGroups = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetSet> targets = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="Elbv2Store"/> class.</summary>
    /// <param name="region">Region of the account.</param>
    /// <param name="accountId">Account id.</param>
    /// <param name="timeProvider">Clock used for target health; the system clock by default.</param>
    public Elbv2Store(string region = "us-west-2", string accountId = "123456789012", TimeProvider? timeProvider = null)
    {
        Arns = new Elbv2Arns(region, accountId);
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the ARN and DNS name factory of this account and region.</summary>
    public Elbv2Arns Arns { get; }

    /// <summary>Gets the clock of target health transitions.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets all load balancers in creation order.</summary>
    public IReadOnlyList<Elbv2LoadBalancer> LoadBalancers
    {
        get
        {
            lock (gate)
            {
                return [.. loadBalancers];
            }
        }
    }

    /// <summary>Gets all target groups in creation order.</summary>
    public IReadOnlyList<Elbv2TargetGroup> TargetGroups
    {
        get
        {
            lock (gate)
            {
                return [.. targetGroups];
            }
        }
    }

    /// <summary>Gets all listeners in creation order.</summary>
    public IReadOnlyList<Elbv2Listener> Listeners
    {
        get
        {
            lock (gate)
            {
                return [.. listeners];
            }
        }
    }

    /// <summary>Adds or replaces (by ARN) a load balancer.</summary>
    public void PutLoadBalancer(Elbv2LoadBalancer loadBalancer)
    {
        lock (gate)
        {
            Upsert(loadBalancers, loadBalancer, l => l.Arn == loadBalancer.Arn);
        }
    }

    /// <summary>Removes a load balancer with its listeners, rules and their tags.</summary>
    public void RemoveLoadBalancer(string arn)
    {
        lock (gate)
        {
            loadBalancers.RemoveAll(l => l.Arn == arn);
            tags.Remove(arn);
            foreach (var listener in listeners.Where(l => l.LoadBalancerArn == arn).ToList())
            {
                RemoveListenerLocked(listener.Arn);
            }
        }
    }

    /// <summary>Adds or replaces (by ARN) a listener.</summary>
    public void PutListener(Elbv2Listener listener)
    {
        lock (gate)
        {
            if (!loadBalancers.Exists(l => l.Arn == listener.LoadBalancerArn))
            {
                throw new InvalidOperationException($"Listener {listener.Arn}: load balancer {listener.LoadBalancerArn} does not exist; put it first.");
            }

            Upsert(listeners, listener, l => l.Arn == listener.Arn);
        }
    }

    /// <summary>Removes a listener with its rules.</summary>
    public void RemoveListener(string arn)
    {
        lock (gate)
        {
            RemoveListenerLocked(arn);
        }
    }

    /// <summary>Replaces the non-default rules of a listener (priorities must be unique).</summary>
    public void SetRules(string listenerArn, IReadOnlyList<Elbv2Rule> rules)
    {
        lock (gate)
        {
            if (!listeners.Exists(l => l.Arn == listenerArn))
            {
                throw new InvalidOperationException($"Rules: listener {listenerArn} does not exist; put it first.");
            }

            var duplicate = rules.GroupBy(r => r.Priority).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException($"Rules of {listenerArn}: priority {duplicate.Key} is used twice; priorities must be unique.");
            }

            var oldArns = rulesByListener.GetValueOrDefault(listenerArn, []).Select(r => r.Arn).Except(rules.Select(r => r.Arn));
            foreach (var old in oldArns)
            {
                tags.Remove(old);
            }

            rulesByListener[listenerArn] = [.. rules.OrderBy(r => r.Priority)];
        }
    }

    /// <summary>Gets the non-default rules of a listener ordered by priority.</summary>
    public IReadOnlyList<Elbv2Rule> GetRules(string listenerArn)
    {
        lock (gate)
        {
            return rulesByListener.GetValueOrDefault(listenerArn, []);
        }
    }

    /// <summary>Finds a rule by ARN.</summary>
    public Elbv2Rule? FindRule(string ruleArn)
    {
        lock (gate)
        {
            return rulesByListener.Values.SelectMany(r => r).FirstOrDefault(r => r.Arn == ruleArn);
        }
    }

    /// <summary>Adds or replaces (by ARN) a target group.</summary>
    public void PutTargetGroup(Elbv2TargetGroup targetGroup)
    {
        lock (gate)
        {
            Upsert(targetGroups, targetGroup, t => t.Arn == targetGroup.Arn);
            targets.TryAdd(targetGroup.Arn, new TargetSet());
        }
    }

    /// <summary>Removes a target group with its targets and tags.</summary>
    public void RemoveTargetGroup(string arn)
    {
        lock (gate)
        {
            targetGroups.RemoveAll(t => t.Arn == arn);
            targets.Remove(arn);
            tags.Remove(arn);
        }
    }

    /// <summary>Gets the ARNs of the load balancers whose listeners or rules forward to a target group.</summary>
    public IReadOnlyList<string> LoadBalancersOf(string targetGroupArn)
    {
        lock (gate)
        {
            return LoadBalancersOfLocked(targetGroupArn);
        }
    }

    /// <summary>Replaces the tags of any resource.</summary>
    public void SetTags(string arn, IReadOnlyDictionary<string, string> resourceTags)
    {
        lock (gate)
        {
            tags[arn] = new Dictionary<string, string>(resourceTags, StringComparer.Ordinal);
        }
    }

    /// <summary>Gets the tags of a resource (empty when none were set).</summary>
    public IReadOnlyDictionary<string, string> GetTags(string arn)
    {
        lock (gate)
        {
            return tags.GetValueOrDefault(arn) ?? new Dictionary<string, string>();
        }
    }

    /// <summary>Tells whether a load balancer, listener, rule (default rules included) or target group with this ARN exists.</summary>
    public bool Exists(string arn)
    {
        lock (gate)
        {
            return loadBalancers.Exists(l => l.Arn == arn) || listeners.Exists(l => l.Arn == arn)
                || targetGroups.Exists(t => t.Arn == arn) || rulesByListener.Values.Any(rs => rs.Any(r => r.Arn == arn))
                || listeners.Exists(l => Arns.Rule(l.Arn, "default") == arn);
        }
    }

    /// <summary>
    /// Makes the registered targets of a target group equal to <paramref name="desired"/>: new targets start
    /// `initial` and turn `healthy` after <paramref name="healthyAfter"/>; missing ones drain for
    /// <paramref name="drainFor"/> and then disappear. Returns how many targets were registered and deregistered.
    /// </summary>
    public (int Registered, int Deregistered) SyncTargets(string targetGroupArn, IEnumerable<Elbv2TargetId> desired, TimeSpan healthyAfter, TimeSpan drainFor)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            if (!targets.TryGetValue(targetGroupArn, out var set))
            {
                throw new InvalidOperationException($"Targets: target group {targetGroupArn} does not exist; put it first.");
            }

            return set.Sync(desired, now, healthyAfter, drainFor);
        }
    }

    /// <summary>Gets the targets of a target group with their health now (gone draining targets are dropped).</summary>
    public IReadOnlyList<Elbv2TargetHealth> GetTargetHealth(string targetGroupArn)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            if (!targets.TryGetValue(targetGroupArn, out var set))
            {
                return [];
            }

            return set.Describe(now, LoadBalancersOfLocked(targetGroupArn).Count > 0);
        }
    }

    private void RemoveListenerLocked(string arn)
    {
        listeners.RemoveAll(l => l.Arn == arn);
        tags.Remove(arn);
        if (rulesByListener.Remove(arn, out var rules))
        {
            foreach (var rule in rules)
            {
                tags.Remove(rule.Arn);
            }
        }
    }

    private List<string> LoadBalancersOfLocked(string targetGroupArn)
    {
        static bool Uses(IEnumerable<Elbv2Action> actions, string arn) =>
            actions.Any(a => a.Forward?.TargetGroups.Any(t => t.TargetGroupArn == arn) == true);

        return [.. listeners
            .Where(l => Uses(l.DefaultActions, targetGroupArn) || rulesByListener.GetValueOrDefault(l.Arn, []).Any(r => Uses(r.Actions, targetGroupArn)))
            .Select(l => l.LoadBalancerArn)
            .Distinct()];
    }

    private static void Upsert<T>(List<T> list, T item, Predicate<T> same)
    {
        var index = list.FindIndex(same);
        if (index >= 0)
        {
            list[index] = item;
        }
        else
        {
            list.Add(item);
        }
    }
}
