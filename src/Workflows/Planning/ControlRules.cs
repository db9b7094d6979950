namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Why an operator command cannot apply now, in words a person understands; null when it can.
/// Used by the update validators, so rejected commands never reach history.
/// </summary>
public static class ControlRules
{
    public static string? RejectPromote(RolloutState state, bool full)
    {
        if (state.Stage != RolloutStage.Updating)
        {
            return $"nothing to promote: {Describe(state)}";
        }

        var plan = RolloutPlanner.PlanFor(state);
        var revision = state.Current?.Number;
        if (state.ActionIndex >= plan.PromotedIndex)
        {
            return $"revision {revision} is already promoted; the old ReplicaSet is being scaled down";
        }

        if (state.Failed)
        {
            return $"revision {revision} failed ({state.Message}); use Resume to try the action again or Retry to restart";
        }

        if (full)
        {
            return state.ActionIndex >= plan.FinishIndex && !state.Paused
                ? $"revision {revision} has completed its steps; promotion is under way"
                : null;
        }

        var atPause = state.ActionIndex < plan.Count && plan.Actions[state.ActionIndex].Kind == ActionKind.Pause;
        return atPause || state.Paused
            ? null
            : $"revision {revision} is not paused (now: {plan.Actions[Math.Min(state.ActionIndex, plan.Count - 1)].Summary}); use Promote with full to skip the remaining steps";
    }

    public static string? RejectAbort(RolloutState state)
    {
        switch (state.Stage)
        {
            case RolloutStage.Aborting or RolloutStage.Aborted:
                return $"revision {state.Current?.Number} is already aborted; use Retry to restart it or Deploy a new revision";
            case RolloutStage.Updating:
                break;
            default:
                return $"nothing to abort: {Describe(state)}";
        }

        if (state.BaseStableHash is null)
        {
            return $"revision {state.Current?.Number} is the first revision: there is no stable revision to go back to (use Delete)";
        }

        return state.ActionIndex >= RolloutPlanner.PlanFor(state).PromotedIndex
            ? $"revision {state.Current?.Number} is already promoted to stable; Deploy the previous revision to roll back"
            : null;
    }

    public static string? RejectPause(RolloutState state)
    {
        if (state.Stage is not (RolloutStage.Updating or RolloutStage.Superseding))
        {
            return $"nothing to pause: {Describe(state)}";
        }

        return state.Paused ? $"already paused: {state.Message}" : null;
    }

    public static string? RejectResume(RolloutState state) =>
        state.Paused ? null : $"not paused: {Describe(state)}";

    public static string? RejectRetry(RolloutState state) =>
        state.Stage is RolloutStage.Aborted or RolloutStage.Aborting || (state.Stage == RolloutStage.Updating && state.Failed)
            ? null
            : $"nothing to retry: {Describe(state)}; Retry restarts an aborted or failed update";

    public static string? RejectDelete(RolloutState state) =>
        state.Stage == RolloutStage.Deleting ? "the rollout is already being deleted" : null;

    /// <summary>A short description of where the rollout is, for rejection messages.</summary>
    public static string Describe(RolloutState state) => state.Stage switch
    {
        RolloutStage.Idle when state.StableHash is null => "no revision has been deployed yet",
        RolloutStage.Idle => $"the rollout is Healthy at revision {state.StableRevision}",
        RolloutStage.Updating => $"revision {state.Current?.Number} is rolling out",
        RolloutStage.Aborting or RolloutStage.Aborted => $"revision {state.Current?.Number} was aborted",
        RolloutStage.Superseding => $"revision {state.Current?.Number} is being superseded by revision {state.Pending?.Number}",
        _ => "the rollout is being deleted",
    };
}
