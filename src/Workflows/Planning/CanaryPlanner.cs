namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The canary plans (B2/B11 with our differences): per-ingress writes, every weight verified before a step
/// completes, 100 % canary verified at the end, and a promotion that never sends traffic to an empty target
/// group (argo issues 2864/4433).
/// </summary>
public static class CanaryPlanner
{
    /// <summary>
    /// The whole update of <paramref name="revision"/> from the stable revision it starts from, in the plan shape
    /// <paramref name="planVersion"/> (<see cref="PlanVersions"/>).
    /// </summary>
    public static RolloutPlan PlanUpdate(RolloutRevision revision, string? stableHash, PingPongSide stableSide, int planVersion = PlanVersions.Original)
    {
        var canary = Canary(revision);
        if (stableHash is null)
        {
            return RolloutPlan.Of(FirstDeploy(revision, canary, planVersion));
        }

        if (stableHash == revision.PodTemplateHash)
        {
            return RolloutPlan.Of(BackToStable(revision, canary, stableSide));
        }

        var builder = new CanaryPlanBuilder(revision, canary, stableHash, stableSide);
        builder.Start();
        builder.Steps();
        var finishIndex = builder.Count;
        builder.Finish();
        builder.Promote();
        builder.ScaleDownOld();
        return RolloutPlan.Of(builder.Actions, finishIndex);
    }

    /// <summary>
    /// Traffic back to stable after an abort (verified), then the canary scaled down after
    /// <c>abortScaleDownDelaySeconds</c> (0 keeps it, as in Argo).
    /// </summary>
    public static RolloutPlan PlanAbort(RolloutRevision revision, string stableHash, PingPongSide stableSide)
    {
        var canary = Canary(revision);
        var actions = TrafficBackToStable(revision, canary, stableHash, stableSide);
        if (canary.AbortScaleDownDelaySeconds > 0)
        {
            actions.Add(Delay(canary.AbortScaleDownDelaySeconds, "abort scale-down", canary.Steps.Count));
            actions.Add(Scale(revision.PodTemplateHash, 0, "canary", canary.Steps.Count));
        }

        return RolloutPlan.Of(actions);
    }

    /// <summary>
    /// A newer revision arrived: traffic back to stable (verified), and only then the superseded canary is
    /// scaled down, so no intermediate ReplicaSet loses pods while it has weight (argo issue 3617).
    /// </summary>
    public static RolloutPlan PlanSupersede(RolloutRevision revision, string stableHash, PingPongSide stableSide)
    {
        var canary = Canary(revision);
        var actions = TrafficBackToStable(revision, canary, stableHash, stableSide);
        actions.Add(Scale(revision.PodTemplateHash, 0, "superseded", canary.Steps.Count));
        return RolloutPlan.Of(actions);
    }

    private static List<RolloutAction> TrafficBackToStable(
        RolloutRevision revision, CanarySpec canary, string stableHash, PingPongSide stableSide)
    {
        var step = canary.Steps.Count;
        var actions = new List<RolloutAction>();
        if (canary.DynamicStableScale)
        {
            // The stable may have been scaled down with the traffic; it must carry 100 % before the weight moves.
            actions.Add(Scale(stableHash, revision.Spec.Replicas, "stable", step));
            actions.Add(Wait(stableHash, step));
        }

        actions.AddRange(Weights(revision, canary, TrafficRoles.For(canary, stableSide), 0, step));
        return actions;
    }

    private static List<RolloutAction> FirstDeploy(RolloutRevision revision, CanarySpec canary, int planVersion)
    {
        var hash = revision.PodTemplateHash;
        var actions = new List<RolloutAction>
        {
            new(ActionKind.EnsureReplicaSet) { Hash = hash, Replicas = revision.Spec.Replicas },
            Wait(hash, 0),
        };
        foreach (var service in ServicesOf(canary).Distinct(StringComparer.Ordinal))
        {
            actions.Add(Switch(service, hash, 0));
        }

        var roles = TrafficRoles.For(canary, PingPongSide.Ping);
        actions.AddRange(Weights(revision, canary, roles, 0, 0));
        if (planVersion >= PlanVersions.VerifyFirstCanary && revision.Settings.VerifyTargetGroups)
        {
            // After the weights: the LBC makes the target groups from the action, so before it there may be none.
            actions.Add(new RolloutAction(ActionKind.VerifyTargets) { Service = roles.StableService, Hash = hash });
        }

        actions.Add(new RolloutAction(ActionKind.MarkStable) { Hash = hash, Revision = revision.Number, Side = PingPongSide.Ping });
        return actions;
    }

    /// <summary>The revision is the stable one already (a rollback after abort, or a no-op redeploy).</summary>
    private static List<RolloutAction> BackToStable(RolloutRevision revision, CanarySpec canary, PingPongSide stableSide)
    {
        var hash = revision.PodTemplateHash;
        var actions = new List<RolloutAction> { Scale(hash, revision.Spec.Replicas, "stable", 0), Wait(hash, 0) };
        actions.AddRange(Weights(revision, canary, TrafficRoles.For(canary, stableSide), 0, 0));
        actions.Add(new RolloutAction(ActionKind.MarkStable) { Hash = hash, Revision = revision.Number, Side = stableSide });
        return actions;
    }

    private static IEnumerable<string> ServicesOf(CanarySpec canary)
    {
        if (canary.PingPong is { } pingPong)
        {
            return [pingPong.PingService, pingPong.PongService];
        }

        return new[] { canary.StableService, canary.CanaryService }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
    }

    internal static CanarySpec Canary(RolloutRevision revision) =>
        revision.Spec.Canary ?? throw new ArgumentException("the revision has no canary strategy", nameof(revision));

    /// <summary>Set the weight on every ingress and, with verification on, verify it.</summary>
    internal static IEnumerable<RolloutAction> Weights(RolloutRevision revision, CanarySpec canary, TrafficRoles roles, int weight, int step)
    {
        if (canary.Alb is null)
        {
            yield break;
        }

        yield return new RolloutAction(ActionKind.SetWeights) { Roles = roles, Weight = weight, Step = step };
        if (revision.Settings.VerifyTargetGroups)
        {
            yield return new RolloutAction(ActionKind.VerifyWeights) { Roles = roles, Weight = weight, Step = step };
        }
    }

    internal static RolloutAction Scale(string hash, int replicas, string role, int step) =>
        new(ActionKind.ScaleReplicaSet) { Hash = hash, Replicas = replicas, Role = role, Step = step };

    internal static RolloutAction Wait(string hash, int step) => new(ActionKind.WaitAvailable) { Hash = hash, Step = step };

    internal static RolloutAction Switch(string service, string hash, int step) =>
        new(ActionKind.SwitchSelector) { Service = service, Hash = hash, Step = step };

    internal static RolloutAction Delay(int seconds, string reason, int step) =>
        new(ActionKind.Delay) { Seconds = seconds, Role = reason, Step = step };
}
