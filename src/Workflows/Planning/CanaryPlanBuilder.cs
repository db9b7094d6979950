namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;
using static RolloutWorkflows.Workflows.Planning.CanaryPlanner;

/// <summary>Builds the update plan of a canary revision that replaces an existing stable revision.</summary>
internal sealed class CanaryPlanBuilder
{
    private readonly RolloutRevision revision;
    private readonly CanarySpec canary;
    private readonly string stableHash;
    private readonly PingPongSide stableSide;
    private readonly TrafficRoles roles;
    private readonly int replicas;
    private int stableReplicas;
    private int? canaryScaleOverride;

    public CanaryPlanBuilder(RolloutRevision revision, CanarySpec canary, string stableHash, PingPongSide stableSide)
    {
        this.revision = revision;
        this.canary = canary;
        this.stableHash = stableHash;
        this.stableSide = stableSide;
        roles = TrafficRoles.For(canary, stableSide);
        replicas = revision.Spec.Replicas;
        stableReplicas = replicas;
    }

    public List<RolloutAction> Actions { get; } = [];

    public int Count => Actions.Count;

    private string Hash => revision.PodTemplateHash;

    private int StepCount => canary.Steps.Count;

    /// <summary>
    /// Create the canary ReplicaSet with no pods and point the canary Service at it. The canary Service has
    /// weight 0 here (every plan ends with the weight back at stable), so the switch moves no traffic.
    /// </summary>
    public void Start()
    {
        Actions.Add(new RolloutAction(ActionKind.EnsureReplicaSet) { Hash = Hash, Replicas = 0 });
        if (!string.IsNullOrEmpty(roles.CanaryService))
        {
            Actions.Add(Switch(roles.CanaryService, Hash, 0));
        }
    }

    public void Steps()
    {
        for (var i = 0; i < StepCount; i++)
        {
            var step = canary.Steps[i];
            switch (step.Kind)
            {
                case CanaryStepKind.SetWeight:
                    SetWeight(step.Weight ?? 0, i);
                    break;
                case CanaryStepKind.Pause:
                    Actions.Add(new RolloutAction(ActionKind.Pause) { Seconds = step.PauseSeconds, Step = i });
                    break;
                default:
                    SetCanaryScale(step, i);
                    break;
            }

            Actions.Add(new RolloutAction(ActionKind.CompleteStep) { Step = i });
        }
    }

    /// <summary>End of the steps: all pods on the canary and 100 % of the traffic to it, verified.</summary>
    public void Finish()
    {
        ScaleCanary(replicas, StepCount);
        if (canary.Alb is not null)
        {
            SetWeight(100, StepCount, scaleCanary: false);
        }
    }

    /// <summary>The canary becomes stable; traffic never reaches a target group without registered targets.</summary>
    public void Promote()
    {
        if (canary.Alb is null)
        {
            if (!string.IsNullOrEmpty(canary.StableService))
            {
                Actions.Add(Switch(canary.StableService, Hash, StepCount));
            }

            MarkStable(stableSide);
            return;
        }

        var verify = revision.Settings.VerifyTargetGroups;
        if (canary.PingPong is not null)
        {
            // Swap the hats: the canary side already serves 100 % and keeps its selector; no live selector changes.
            if (verify)
            {
                Actions.Add(VerifyTargets(roles.CanaryService));
            }

            var newSide = TrafficRoles.Flip(stableSide);
            MarkStable(newSide);
            Actions.AddRange(Weights(revision, canary, TrafficRoles.For(canary, newSide), 0, StepCount));
            return;
        }

        // Point stable at the new pods, wait until its target group has them all, only then move the weight back.
        Actions.Add(Switch(roles.StableService, Hash, StepCount));
        if (verify)
        {
            Actions.Add(VerifyTargets(roles.StableService));
        }

        Actions.AddRange(Weights(revision, canary, roles, 0, StepCount));
        MarkStable(stableSide);
    }

    /// <summary>The old stable scales down after the delay (a durable timer), never before verification.</summary>
    public void ScaleDownOld()
    {
        var delay = canary.DynamicStableScale ? 0 : canary.ScaleDownDelaySeconds;
        if (delay > 0)
        {
            Actions.Add(Delay(delay, "scale-down", StepCount));
        }

        Actions.Add(Scale(stableHash, 0, "old", StepCount));
    }

    private void SetWeight(int weight, int step, bool scaleCanary = true)
    {
        if (scaleCanary)
        {
            ScaleCanary(canaryScaleOverride ?? ReplicaMath.CanaryReplicas(weight, replicas), step);
        }

        var dynamicStable = canary.DynamicStableScale ? ReplicaMath.DynamicStableReplicas(weight, replicas) : stableReplicas;
        if (dynamicStable > stableReplicas)
        {
            // Traffic comes back to stable: it needs the pods before the weight moves.
            Actions.Add(Scale(stableHash, dynamicStable, "stable", step));
            Actions.Add(Wait(stableHash, step));
            stableReplicas = dynamicStable;
        }

        Actions.AddRange(Weights(revision, canary, roles, weight, step));
        if (dynamicStable < stableReplicas)
        {
            // Only what the verified weight allows (argo issue 3926).
            Actions.Add(Scale(stableHash, dynamicStable, "stable", step));
            stableReplicas = dynamicStable;
        }
    }

    private void SetCanaryScale(CanaryStep step, int index)
    {
        canaryScaleOverride = step.MatchTrafficWeight ? null
            : step.Replicas ?? ReplicaMath.CanaryReplicas(step.Weight ?? 0, replicas);
        if (canaryScaleOverride is { } count)
        {
            ScaleCanary(count, index);
        }
    }

    private void ScaleCanary(int count, int step)
    {
        Actions.Add(Scale(Hash, count, "canary", step));
        Actions.Add(Wait(Hash, step));
    }

    private RolloutAction VerifyTargets(string service) =>
        new(ActionKind.VerifyTargets) { Service = service, Hash = Hash, Step = StepCount };

    private void MarkStable(PingPongSide side) =>
        Actions.Add(new RolloutAction(ActionKind.MarkStable) { Hash = Hash, Revision = revision.Number, Side = side, Step = StepCount });
}
