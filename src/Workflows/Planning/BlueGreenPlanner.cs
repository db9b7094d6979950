namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;
using static RolloutWorkflows.Workflows.Planning.CanaryPlanner;

/// <summary>
/// Blue-green plans (B10): preview first, promotion after <c>autoPromotionSeconds</c> or <c>Promote</c>, then
/// the active switch, whose target registration is verified before anything scales down.
/// </summary>
public static class BlueGreenPlanner
{
    /// <param name="revision">The revision to roll out.</param>
    /// <param name="stableHash">The stable revision's hash; null before the first deploy.</param>
    /// <param name="planVersion">The plan shape the rollout runs (<see cref="PlanVersions"/>).</param>
    public static RolloutPlan PlanUpdate(RolloutRevision revision, string? stableHash, int planVersion = PlanVersions.Original)
    {
        var blueGreen = BlueGreen(revision);
        var hash = revision.PodTemplateHash;
        var actions = new List<RolloutAction>
        {
            new(ActionKind.EnsureReplicaSet) { Hash = hash, Replicas = revision.Spec.Replicas },
        };
        if (stableHash is null || stableHash == hash)
        {
            // Nothing serves yet (or this is the stable revision): no preview phase.
            actions.Add(Scale(hash, revision.Spec.Replicas, "stable", 0));
            actions.Add(Wait(hash, 0));
            actions.Add(Switch(blueGreen.ActiveService, hash, 0));
            if (planVersion >= PlanVersions.VerifyFirstBlueGreen && revision.Settings.VerifyTargetGroups)
            {
                // Healthy must mean the ALB can serve it: the active target group has every pod registered.
                actions.Add(new RolloutAction(ActionKind.VerifyTargets) { Service = blueGreen.ActiveService, Hash = hash });
            }

            AddPreview(actions, blueGreen, hash);
            actions.Add(MarkStable(revision));
            return RolloutPlan.Of(actions);
        }

        AddPreview(actions, blueGreen, hash);
        actions.Add(Wait(hash, 0));
        if (!blueGreen.AutoPromotionEnabled)
        {
            actions.Add(new RolloutAction(ActionKind.Pause));
        }
        else if (blueGreen.AutoPromotionSeconds is > 0)
        {
            actions.Add(new RolloutAction(ActionKind.Pause) { Seconds = blueGreen.AutoPromotionSeconds });
        }

        var finishIndex = actions.Count;
        actions.Add(Switch(blueGreen.ActiveService, hash, 0));
        if (revision.Settings.VerifyTargetGroups)
        {
            actions.Add(new RolloutAction(ActionKind.VerifyTargets) { Service = blueGreen.ActiveService, Hash = hash });
        }

        actions.Add(MarkStable(revision));
        if (blueGreen.ScaleDownDelaySeconds > 0)
        {
            actions.Add(Delay(blueGreen.ScaleDownDelaySeconds, "scale-down", 0));
        }

        actions.Add(Scale(stableHash, 0, "old", 0));
        return RolloutPlan.Of(actions, finishIndex);
    }

    /// <summary>Active back on stable (verified), then the new ReplicaSet scaled down after the abort delay.</summary>
    public static RolloutPlan PlanAbort(RolloutRevision revision, string stableHash)
    {
        var blueGreen = BlueGreen(revision);
        var actions = ActiveBackToStable(revision, blueGreen, stableHash);
        if (blueGreen.AbortScaleDownDelaySeconds > 0)
        {
            actions.Add(Delay(blueGreen.AbortScaleDownDelaySeconds, "abort scale-down", 0));
            actions.Add(Scale(revision.PodTemplateHash, 0, "preview", 0));
        }

        return RolloutPlan.Of(actions);
    }

    public static RolloutPlan PlanSupersede(RolloutRevision revision, string stableHash)
    {
        var actions = ActiveBackToStable(revision, BlueGreen(revision), stableHash);
        actions.Add(Scale(revision.PodTemplateHash, 0, "superseded", 0));
        return RolloutPlan.Of(actions);
    }

    private static List<RolloutAction> ActiveBackToStable(RolloutRevision revision, BlueGreenSpec blueGreen, string stableHash)
    {
        // The preview Service keeps its selector: toggling it churns target groups (argo issue 3758).
        var actions = new List<RolloutAction> { Switch(blueGreen.ActiveService, stableHash, 0) };
        if (revision.Settings.VerifyTargetGroups)
        {
            actions.Add(new RolloutAction(ActionKind.VerifyTargets) { Service = blueGreen.ActiveService, Hash = stableHash });
        }

        return actions;
    }

    private static void AddPreview(List<RolloutAction> actions, BlueGreenSpec blueGreen, string hash)
    {
        if (!string.IsNullOrEmpty(blueGreen.PreviewService))
        {
            actions.Add(Switch(blueGreen.PreviewService, hash, 0));
        }
    }

    private static RolloutAction MarkStable(RolloutRevision revision) =>
        new(ActionKind.MarkStable) { Hash = revision.PodTemplateHash, Revision = revision.Number, Side = PingPongSide.Ping };

    private static BlueGreenSpec BlueGreen(RolloutRevision revision) =>
        revision.Spec.BlueGreen ?? throw new ArgumentException("the revision has no blue-green strategy", nameof(revision));
}
