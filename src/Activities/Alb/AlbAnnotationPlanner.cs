namespace RolloutWorkflows.Activities.Alb;

using RolloutWorkflows.Workflows.Model;

/// <summary>
/// Computes, per Ingress and each on its own, the annotations a rollout's weight change or reset
/// leaves behind and the merge patch to get there. Unlike Argo (B1, issue e.1) an unchanged or failing
/// ingress never stops the others: every ingress gets its own <see cref="IngressPatchPlan"/>.
/// </summary>
public static class AlbAnnotationPlanner
{
    /// <summary>Plans <c>setWeight</c> for every given ingress of a validated canary rollout.</summary>
    /// <param name="rollout">A validated rollout with <c>trafficRouting.alb</c>.</param>
    /// <param name="stablePingPong">Which ping-pong side is stable (<c>ping</c>/<c>pong</c>), ignored without ping-pong.</param>
    /// <param name="canaryWeight">0..100.</param>
    /// <param name="ingresses">The ingresses named by the rollout, with their current annotations.</param>
    public static IReadOnlyList<IngressPatchPlan> PlanSetWeight(Rollout rollout, string? stablePingPong, int canaryWeight, IReadOnlyList<IngressAnnotations> ingresses)
    {
        var (canary, alb) = AlbOf(rollout);
        var names = AlbServiceNames.Resolve(canary, stablePingPong);
        var value = AlbActionRenderer.Render(new AlbActionInput(names.CanaryService, names.StableService, alb.ServicePort, canaryWeight, alb.StickinessConfig));
        var key = AlbActionRenderer.ActionKey(canary);
        return ingresses.Select(i => Guard(i, () => PlanSetWeight(RolloutName(rollout), i, key, value))).ToList();
    }

    /// <summary>Plans the reset (100 % to the stable Service, bookkeeping entry removed) for every given ingress.</summary>
    public static IReadOnlyList<IngressPatchPlan> PlanReset(Rollout rollout, string? stablePingPong, IReadOnlyList<IngressAnnotations> ingresses)
    {
        var (canary, alb) = AlbOf(rollout);
        var names = AlbServiceNames.Resolve(canary, stablePingPong);
        var value = AlbActionRenderer.RenderReset(names.StableService, alb.ServicePort, alb.StickinessConfig);
        var key = AlbActionRenderer.ActionKey(canary);
        return ingresses.Select(i => Guard(i, () => PlanReset(RolloutName(rollout), i, key, value))).ToList();
    }

    /// <summary>
    /// One ingress: set <paramref name="actionKey"/> to <paramref name="actionValue"/>, add the key to this
    /// rollout's bookkeeping entry (other entries untouched), fold in and remove the legacy annotation.
    /// </summary>
    /// <exception cref="AlbAnnotationException">Corrupt bookkeeping, or another rollout manages the key.</exception>
    public static IngressPatchPlan PlanSetWeight(string rolloutName, IngressAnnotations ingress, string actionKey, string actionValue)
    {
        var map = ManagedAnnotations.Parse(ingress.Annotations, ingress.Name);
        if (ManagedAnnotations.FindOtherOwner(map, actionKey, rolloutName) is { } owner)
        {
            throw new AlbAnnotationException(ManagedAnnotations.PathOf(ingress.Name),
                $"action {actionKey} is already managed by rollout \"{owner}\"; two rollouts cannot share one action: give each rollout its own stable (or root) Service");
        }

        var desired = Copy(ingress.Annotations);
        desired[actionKey] = actionValue;
        desired[ManagedAnnotations.Key] = ManagedAnnotations.Serialize(ManagedAnnotations.Add(map, rolloutName, actionKey));
        desired.Remove(ManagedAnnotations.LegacyKey);
        return Plan(ingress, desired);
    }

    /// <summary>
    /// One ingress: this rollout lets go. Its action key becomes <paramref name="resetValue"/>; any other
    /// action key of its entry is reset to that action's own stable target group; its condition keys are
    /// removed; its bookkeeping entry is removed (the annotation too when empty) and the legacy one dropped.
    /// Nothing changes when the rollout has no entry on the ingress.
    /// </summary>
    /// <exception cref="AlbAnnotationException">Corrupt bookkeeping.</exception>
    public static IngressPatchPlan PlanReset(string rolloutName, IngressAnnotations ingress, string actionKey, string resetValue)
    {
        var map = ManagedAnnotations.Parse(ingress.Annotations, ingress.Name);
        var desired = Copy(ingress.Annotations);
        if (!map.TryGetValue(rolloutName, out var keys))
        {
            return Plan(ingress, desired);
        }

        foreach (var key in keys)
        {
            if (key == actionKey)
            {
                desired[key] = resetValue;
            }
            else if (key.Contains("/actions.", StringComparison.Ordinal) && desired.TryGetValue(key, out var old) && TryReset(old, out var reset))
            {
                desired[key] = reset;
            }
            else
            {
                desired.Remove(key);
            }
        }

        var rest = ManagedAnnotations.Remove(map, rolloutName);
        if (rest.Count == 0)
        {
            desired.Remove(ManagedAnnotations.Key);
        }
        else
        {
            desired[ManagedAnnotations.Key] = ManagedAnnotations.Serialize(rest);
        }

        desired.Remove(ManagedAnnotations.LegacyKey);
        return Plan(ingress, desired);
    }

    private static bool TryReset(string action, out string reset)
    {
        try
        {
            reset = AlbActionRenderer.ResetFromAction(action);
            return true;
        }
        catch (FormatException)
        {
            reset = "";
            return false;
        }
    }

    private static IngressPatchPlan Guard(IngressAnnotations ingress, Func<IngressPatchPlan> plan)
    {
        try
        {
            return plan();
        }
        catch (AlbAnnotationException ex)
        {
            return IngressPatchPlan.Failed(ingress, ex);
        }
    }

    private static IngressPatchPlan Plan(IngressAnnotations ingress, SortedDictionary<string, string> desired) =>
        new(ingress.Name, desired, IngressAnnotationPatch.Compute(ingress.Annotations, desired));

    private static SortedDictionary<string, string> Copy(IReadOnlyDictionary<string, string>? annotations) =>
        new(annotations?.ToDictionary() ?? [], StringComparer.Ordinal);

    private static string RolloutName(Rollout rollout) =>
        rollout.Metadata.Name is { Length: > 0 } name ? name : throw new ArgumentException("metadata.name: required", nameof(rollout));

    private static (CanaryStrategy Canary, AlbTrafficRouting Alb) AlbOf(Rollout rollout) =>
        rollout.Strategy.Canary is { } canary && canary.GetAlb() is { } alb
            ? (canary, alb)
            : throw new ArgumentException("spec.strategy.canary.trafficRouting.alb: the rollout has no ALB traffic routing", nameof(rollout));
}
