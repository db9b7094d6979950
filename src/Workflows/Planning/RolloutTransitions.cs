namespace RolloutWorkflows.Workflows.Planning;

using System.Text.Json;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>Pure state changes: a revision arrives, an action succeeds, a plan ends.</summary>
public static class RolloutTransitions
{
    /// <summary>A <c>Deploy</c> arrived: start it, queue it, or supersede the update in progress.</summary>
    public static RolloutState Accept(RolloutState state, RolloutRevision revision, DateTime now)
    {
        if (state.Stage == RolloutStage.Deleting)
        {
            return state.WithEvent(now, $"Deploy of {revision.PodTemplateHash} ignored: the rollout is being deleted");
        }

        var correcting = state.Stage == RolloutStage.Updating && state.Failed && state.PlanVersion >= PlanVersions.AcceptCorrection;
        if (state.Stage == RolloutStage.Updating && state.Pending is null && state.Current is { } current && current.PodTemplateHash == revision.PodTemplateHash)
        {
            if (correcting && !SameSpecAndSettings(current, revision))
            {
                // Same pods, corrected spec (e.g. a Service name fixed): run the update again with it, as Retry would.
                return Restart(state, RolloutStage.Updating).WithEvent(now, $"revision {current.Number} corrected ({revision.PodTemplateHash}, same pod template): update restarted from step 0") with
                {
                    Current = revision with { Number = current.Number },
                    StepIndex = 0,
                    Message = "",
                    Ingresses = [],
                };
            }

            return state.WithEvent(now, $"Deploy of {revision.PodTemplateHash} ignored: it is already rolling out");
        }

        var number = state.LastRevisionNumber + 1;
        revision = revision with { Number = number };
        state = state with { LastRevisionNumber = number };
        switch (state.Stage)
        {
            case RolloutStage.Idle:
                return StartUpdate(state, revision, now);
            case RolloutStage.Updating when correcting && state.BaseStableHash is null && RefusedBeforeWriting(state):
                // A first revision refused before it wrote anything leaves nothing behind: the new one replaces it.
                return StartUpdate(state.WithEvent(now, $"revision {number} ({revision.PodTemplateHash}) replaces revision {state.Current?.Number}, refused before it wrote anything"), revision, now);
            case RolloutStage.Updating when state.PlanVersion >= PlanVersions.ReplaceFirstRevision && state.BaseStableHash is null && state.StableHash is null && state.Current is { } first:
                // Nothing is stable yet, so nothing to go back to: the new revision takes the first one's place now
                // (a broken first image is fixed by deploying again, not by deleting the rollout).
                return StartUpdate(
                    state.WithEvent(now, $"revision {number} ({revision.PodTemplateHash}) replaces revision {first.Number}, which never became stable; its ReplicaSet is scaled down once revision {number} is"),
                    revision,
                    now) with
                {
                    Replaced = [.. state.Replaced.Where(h => h != first.PodTemplateHash && h != revision.PodTemplateHash), first.PodTemplateHash],
                };
            case RolloutStage.Updating when state.BaseStableHash is null || state.ActionIndex >= RolloutPlanner.PlanFor(state).PromotedIndex:
                // Nothing to go back to, or already promoted: finish first, then roll the new revision out.
                return state.WithEvent(now, $"revision {number} ({revision.PodTemplateHash}) queued") with { Pending = revision };
            default:
                return Restart(state, RolloutStage.Superseding)
                    .WithEvent(now, $"revision {number} ({revision.PodTemplateHash}) supersedes revision {state.Current?.Number}") with
                {
                    Pending = revision,
                    Message = "",
                };
        }
    }

    /// <summary>The current plan ran to its end.</summary>
    /// <returns>The next state, whether a revision finished (continue-as-new) and whether the workflow ends.</returns>
    public static (RolloutState State, bool RevisionFinished, bool Ended) Complete(RolloutState state, DateTime now)
    {
        switch (state.Stage)
        {
            case RolloutStage.Updating:
                var done = state.WithEvent(now, $"revision {state.Current?.Number} is stable") with
                {
                    Stage = RolloutStage.Idle,
                    ActionIndex = 0,
                    Message = "",
                    Paused = false,
                    Replaced = [],
                };
                return (state.Pending is { } next ? StartUpdate(done, next, now) : done, true, false);
            case RolloutStage.Aborting:
                return (state.WithEvent(now, "abort complete: traffic is on stable") with { Stage = RolloutStage.Aborted, ActionIndex = 0 }, false, false);
            case RolloutStage.Superseding:
                var superseded = state.WithEvent(now, $"revision {state.Current?.Number} superseded");
                return (state.Pending is { } pending ? StartUpdate(superseded, pending, now) : superseded with { Stage = RolloutStage.Idle }, true, false);
            case RolloutStage.Deleting:
                return (state.WithEvent(now, "deleted: ALB actions reset to stable"), false, true);
            default:
                return (state, false, false);
        }
    }

    /// <summary>Action <paramref name="action"/> (the one at <see cref="RolloutState.ActionIndex"/>) succeeded.</summary>
    public static RolloutState Record(
        RolloutState state, RolloutAction action, DateTime now, IReadOnlyList<IngressVerification>? ingresses = null)
    {
        var next = state with { ActionIndex = state.ActionIndex + 1 };
        var steps = state.Current?.Spec.Canary?.Steps ?? [];
        return action.Kind switch
        {
            ActionKind.SetWeights => next.WithEvent(now, action.Summary) with { SetWeight = action.Weight, VerifiedWeight = null },
            ActionKind.VerifyWeights => next.WithEvent(now, $"weight {action.Weight}% verified") with
            {
                VerifiedWeight = action.Weight,
                Ingresses = ingresses ?? state.Ingresses,
            },
            ActionKind.MarkStable => next.WithEvent(now, $"revision {action.Revision} ({action.Hash}) is stable") with
            {
                StableHash = action.Hash,
                StableRevision = action.Revision,
                StableSide = action.Side,
            },
            ActionKind.CompleteStep => next.WithEvent(now, $"Rollout step {action.Step + 1}/{steps.Count} completed ({steps[action.Step]})") with
            {
                StepIndex = action.Step + 1,
            },
            ActionKind.Pause or ActionKind.EnsureReplicaSet or ActionKind.ScaleReplicaSet or ActionKind.SwitchSelector or ActionKind.ResetAlb =>
                next.WithEvent(now, action.Summary),
            _ => next,
        };
    }

    public static RolloutState Promote(RolloutState state, bool full, DateTime now)
    {
        var plan = RolloutPlanner.PlanFor(state);
        if (full)
        {
            return state.WithEvent(now, "full promotion requested: skipping the remaining steps") with
            {
                ActionIndex = Math.Max(state.ActionIndex, plan.FinishIndex),
                StepIndex = Math.Max(state.StepIndex, state.Current?.Spec.Canary?.Steps.Count ?? 0),
                Paused = false,
                Message = "",
            };
        }

        var atPause = state.ActionIndex < plan.Count && plan.Actions[state.ActionIndex].Kind == ActionKind.Pause;
        return state.WithEvent(now, "promoted") with
        {
            ActionIndex = atPause ? state.ActionIndex + 1 : state.ActionIndex,
            Paused = false,
            Message = "",
        };
    }

    public static RolloutState Abort(RolloutState state, string? reason, DateTime now)
    {
        var message = $"RolloutAborted: Rollout aborted update to revision {state.Current?.Number}";
        if (!string.IsNullOrWhiteSpace(reason))
        {
            message += $": {reason}";
        }

        return Restart(state, RolloutStage.Aborting).WithEvent(now, message) with { Message = message };
    }

    public static RolloutState Pause(RolloutState state, DateTime now) =>
        state.WithEvent(now, "paused") with { Paused = true, Message = "manually paused" };

    public static RolloutState Resume(RolloutState state, DateTime now) =>
        state.WithEvent(now, "resumed") with { Paused = false, Failed = false, Message = "" };

    /// <summary>Restart the aborted or failed update at step 0.</summary>
    public static RolloutState Retry(RolloutState state, DateTime now) =>
        Restart(state, RolloutStage.Updating).WithEvent(now, $"retrying revision {state.Current?.Number} from step 0") with
        {
            StepIndex = 0,
            Message = "",
        };

    public static RolloutState Delete(RolloutState state, DateTime now) =>
        Restart(state, RolloutStage.Deleting).WithEvent(now, "delete requested") with { Pending = null, Message = "deleting" };

    /// <summary>A verification did not converge in time: pause or abort, as configured, with the reason.</summary>
    public static RolloutState VerificationTimedOut(RolloutState state, string reason, DateTime now)
    {
        var settings = state.Current?.Settings ?? new RolloutSettings();
        var message = $"verification deadline ({settings.VerificationDeadlineSeconds}s) exceeded: {reason}";
        if (settings.OnVerificationTimeout == VerificationTimeoutAction.Abort && ControlRules.RejectAbort(state) is null)
        {
            return Abort(state, message, now);
        }

        return state.WithEvent(now, message) with { Paused = true, Message = message };
    }

    /// <summary>An action failed for good (missing object, invalid spec, retries exhausted).</summary>
    public static RolloutState ActionFailed(RolloutState state, RolloutAction action, string reason, DateTime now)
    {
        var message = $"{action.Summary} failed: {reason}";
        return state.WithEvent(now, message) with { Failed = true, Paused = true, Message = message };
    }

    private static RolloutState StartUpdate(RolloutState state, RolloutRevision revision, DateTime now) =>
        Restart(state, RolloutStage.Updating).WithEvent(now, $"revision {revision.Number} ({revision.PodTemplateHash}): update started") with
        {
            Current = revision,
            Pending = null,
            BaseStableHash = state.StableHash,
            BaseStableSide = state.StableSide,
            StepIndex = 0,
            Message = "",
            Ingresses = [],
        };

    /// <summary>Whether the update failed at its first action, the read-only reference check.</summary>
    private static bool RefusedBeforeWriting(RolloutState state) =>
        state.ActionIndex == 0 && RolloutPlanner.CurrentAction(state) is { Kind: ActionKind.CheckReferences };

    // Records holding lists compare by reference; the serialized form compares what a person wrote. Deterministic.
    private static bool SameSpecAndSettings(RolloutRevision a, RolloutRevision b) =>
        JsonSerializer.Serialize(a.Spec) == JsonSerializer.Serialize(b.Spec) && a.Settings == b.Settings && a.PodTemplateJson == b.PodTemplateJson;

    private static RolloutState Restart(RolloutState state, RolloutStage stage) =>
        state with { Stage = stage, ActionIndex = 0, Paused = false, Failed = false };
}
