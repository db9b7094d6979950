namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Globalization;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// Writes the desired ALBs into the ELBv2 store the way the LBC deploys its model: target groups and
/// targets first, then load balancer, listener and rules, then deletes what its tags say it owns but
/// no Ingress wants any more.
/// </summary>
public static class AlbStoreApplier
{
    /// <summary>Applies the whole desired model of one cluster.</summary>
    public static AlbApplyResult Apply(Elbv2Store store, IReadOnlyList<DesiredAlb> desired, string clusterName, TimeSpan healthyAfter, TimeSpan drainFor)
    {
        var registered = 0;
        var deregistered = 0;
        foreach (var alb in desired)
        {
            foreach (var group in alb.TargetGroups)
            {
                store.PutTargetGroup(group.TargetGroup);
                store.SetTags(group.TargetGroup.Arn, group.Tags);
                var (added, removed) = store.SyncTargets(group.TargetGroup.Arn, group.Targets, healthyAfter, drainFor);
                registered += added;
                deregistered += removed;
            }

            store.PutLoadBalancer(alb.LoadBalancer);
            store.SetTags(alb.LoadBalancer.Arn, alb.LoadBalancerTags);
            store.PutListener(alb.Listener);
            store.SetTags(alb.Listener.Arn, WithResource(alb.LoadBalancerTags, "80"));
            store.SetRules(alb.Listener.Arn, alb.Rules);
            foreach (var rule in alb.Rules)
            {
                store.SetTags(rule.Arn, WithResource(alb.LoadBalancerTags, "80:" + rule.Priority.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var wantedLbs = desired.Select(a => a.LoadBalancer.Arn).ToHashSet(StringComparer.Ordinal);
        var staleLbs = store.LoadBalancers.Where(l => Owned(store, l.Arn, clusterName) && !wantedLbs.Contains(l.Arn)).Select(l => l.Arn).ToList();
        staleLbs.ForEach(store.RemoveLoadBalancer);
        var wantedTgs = desired.SelectMany(a => a.TargetGroups).Select(t => t.TargetGroup.Arn).ToHashSet(StringComparer.Ordinal);
        var staleTgs = store.TargetGroups.Where(t => Owned(store, t.Arn, clusterName) && !wantedTgs.Contains(t.Arn)).Select(t => t.Arn).ToList();
        staleTgs.ForEach(store.RemoveTargetGroup);
        return new AlbApplyResult(registered, deregistered, staleLbs, staleTgs);
    }

    private static bool Owned(Elbv2Store store, string arn, string clusterName)
    {
        var tags = store.GetTags(arn);
        return tags.GetValueOrDefault("elbv2.k8s.aws/cluster") == clusterName && tags.ContainsKey("ingress.k8s.aws/stack");
    }

    private static Dictionary<string, string> WithResource(IReadOnlyDictionary<string, string> tags, string resource) =>
        new(tags.Where(t => t.Key != "ingress.k8s.aws/resource").Append(new("ingress.k8s.aws/resource", resource)), StringComparer.Ordinal);
}
