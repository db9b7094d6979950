namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>The plan of the stage a rollout is in; a pure function of its state.</summary>
public static class RolloutPlanner
{
    public static RolloutPlan PlanFor(RolloutState state)
    {
        if (state.Stage == RolloutStage.Deleting)
        {
            return PlanDelete(state);
        }

        if (state.Current is not { } revision)
        {
            return RolloutPlan.Empty;
        }

        var blueGreen = revision.Spec.BlueGreen is not null;
        return state.Stage switch
        {
            RolloutStage.Updating => CheckFirst(state, blueGreen
                ? BlueGreenPlanner.PlanUpdate(revision, state.BaseStableHash, state.PlanVersion)
                : CanaryPlanner.PlanUpdate(revision, state.BaseStableHash, state.BaseStableSide, state.PlanVersion)).Then(ScaleDownReplaced(state)),
            RolloutStage.Aborting when state.BaseStableHash is { } stable => blueGreen
                ? BlueGreenPlanner.PlanAbort(revision, stable)
                : CanaryPlanner.PlanAbort(revision, stable, state.BaseStableSide),
            RolloutStage.Superseding when state.BaseStableHash is { } stable => blueGreen
                ? BlueGreenPlanner.PlanSupersede(revision, stable)
                : CanaryPlanner.PlanSupersede(revision, stable, state.BaseStableSide),
            _ => RolloutPlan.Empty,
        };
    }

    /// <summary>
    /// Delete or cancellation: every ingress's managed action back to 100 % stable (using the Service that is
    /// stable now, which also holds with rootService and ping-pong) and this rollout's bookkeeping entry removed.
    /// </summary>
    public static RolloutPlan PlanDelete(RolloutState state)
    {
        if (state.Current?.Spec.Canary is not { Alb: not null } canary)
        {
            return RolloutPlan.Empty;
        }

        var roles = TrafficRoles.For(canary, state.StableSide);
        return RolloutPlan.Of([new RolloutAction(ActionKind.ResetAlb) { Roles = roles, Step = canary.Steps.Count }]);
    }

    /// <summary>
    /// An update refuses a revision that names a missing or unfit object before its first write (issue 7), so a
    /// typo never leaves a half-made ReplicaSet or a re-pointed Service behind.
    /// </summary>
    private static RolloutPlan CheckFirst(RolloutState state, RolloutPlan update) =>
        state.PlanVersion >= PlanVersions.CheckReferences ? update.StartingWith(new RolloutAction(ActionKind.CheckReferences)) : update;

    /// <summary>
    /// The ReplicaSets of replaced first revisions, scaled down only after the revision that replaced them is stable,
    /// so whatever they already served keeps serving until then.
    /// </summary>
    private static List<RolloutAction> ScaleDownReplaced(RolloutState state) =>
        state.Replaced.Select(hash => CanaryPlanner.Scale(hash, 0, "replaced", 0) with { IfExists = true }).ToList();

    /// <summary>The action the rollout is at, or null when its plan is done.</summary>
    public static RolloutAction? CurrentAction(RolloutState state)
    {
        var plan = PlanFor(state);
        return state.ActionIndex < plan.Count ? plan.Actions[state.ActionIndex] : null;
    }
}
