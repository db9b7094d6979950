namespace RolloutWorkflows.Workflows.Rollout;

using Microsoft.Extensions.Logging;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;
using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>Running one planned action: an activity (one per ingress for ALB actions), a timer or a state change.</summary>
public sealed partial class RolloutWorkflow
{
    private RolloutRevision Revision => state.Current ?? throw new InvalidOperationException("no revision to act on");

    private async Task RunActionAsync(RolloutAction action, CancellationToken token)
    {
        var stage = state.Stage;
        var index = state.ActionIndex;
        try
        {
            var ingresses = await ExecuteAsync(action, token);
            if (state.Stage == stage && state.ActionIndex == index)
            {
                state = RolloutTransitions.Record(state, action, Workflow.UtcNow, ingresses);
            }
        }
        catch (Exception e) when (TemporalException.IsCanceledException(e) && token.IsCancellationRequested && !Workflow.CancellationToken.IsCancellationRequested)
        {
            // A handler changed the plan; the loop picks up the new position.
            return;
        }
        catch (ActivityFailureException e) when (state.Stage == stage && state.ActionIndex == index)
        {
            var reason = Reason(e);
            state = action.Kind is ActionKind.VerifyWeights or ActionKind.VerifyTargets && NotConverged(e)
                ? RolloutTransitions.VerificationTimedOut(state, reason, Workflow.UtcNow)
                : RolloutTransitions.ActionFailed(state, action, reason, Workflow.UtcNow);
            Workflow.Logger.LogWarning("Rollout {Rollout}: {Action} did not complete: {Reason}", rolloutName, action.Summary, reason);
        }

        changes++;
        Publish();
    }

    /// <returns>Per-ingress verification results for VerifyWeights, else null.</returns>
    private async Task<IReadOnlyList<IngressVerification>?> ExecuteAsync(RolloutAction action, CancellationToken token)
    {
        var revision = Revision;
        var settings = revision.Settings;
        var replicaSet = $"{rolloutName}-{action.Hash}";
        switch (action.Kind)
        {
            case ActionKind.CheckReferences:
                var references = RolloutReferences.Of(revision);
                await Workflow.ExecuteActivityAsync(
                    (IReferenceActivities a) => a.CheckReferencesAsync(references), Options(RolloutActivityOptions.Kubernetes, action, token));
                return null;
            case ActionKind.EnsureReplicaSet:
                var ensure = new EnsureReplicaSetInput(
                    rolloutNamespace, rolloutName, revision.PodTemplateHash, action.Replicas, revision.Spec.SelectorMatchLabels, revision.PodTemplateJson, revision.Number);
                await Workflow.ExecuteActivityAsync(
                    (IReplicaSetActivities a) => a.EnsureReplicaSetAsync(ensure), Options(RolloutActivityOptions.Kubernetes, action, token));
                return null;
            case ActionKind.ScaleReplicaSet:
                var scale = new ScaleReplicaSetInput(rolloutNamespace, replicaSet, action.Replicas);
                try
                {
                    await Workflow.ExecuteActivityAsync(
                        (IReplicaSetActivities a) => a.ScaleReplicaSetAsync(scale), Options(RolloutActivityOptions.Kubernetes, action, token));
                }
                catch (ActivityFailureException e) when (action.IfExists && e.InnerException is ApplicationFailureException { ErrorType: Names.ObjectNotFoundError })
                {
                    // A replaced revision may have been interrupted before it created its ReplicaSet: nothing to scale down.
                }

                return null;
            case ActionKind.WaitAvailable:
                var wait = new WaitReplicaSetAvailableInput(rolloutNamespace, replicaSet, settings.AvailabilityPollSeconds);
                await Workflow.ExecuteActivityAsync(
                    (IReplicaSetActivities a) => a.WaitReplicaSetAvailableAsync(wait),
                    RolloutActivityOptions.ForAvailability(settings, action.Summary, token));
                return null;
            case ActionKind.SwitchSelector:
                var selector = new SwitchServiceSelectorInput(rolloutNamespace, rolloutName, action.Service!, action.Hash!);
                await Workflow.ExecuteActivityAsync(
                    (IServiceActivities a) => a.SwitchServiceSelectorAsync(selector), Options(RolloutActivityOptions.Kubernetes, action, token));
                return null;
            case ActionKind.VerifyTargets:
                var port = revision.Spec.Canary?.Alb?.ServicePort;
                var targets = new VerifyTargetRegistrationInput(rolloutNamespace, action.Service!, port, action.Hash!, settings.VerificationPollSeconds);
                await Workflow.ExecuteActivityAsync(
                    (ITargetActivities a) => a.VerifyTargetRegistrationAsync(targets),
                    RolloutActivityOptions.ForVerification(settings, action.Summary, token));
                return null;
            case ActionKind.SetWeights:
            case ActionKind.ResetAlb:
                await Workflow.WhenAllAsync(AlbActions(action).Select(alb => WriteAlbAsync(action, alb, token)));
                return null;
            case ActionKind.VerifyWeights:
                return await VerifyWeightsAsync(action, token);
            case ActionKind.Pause:
                await PauseAsync(action, token);
                return null;
            case ActionKind.Delay:
                await Workflow.DelayWithOptionsAsync(new DelayOptions(TimeSpan.FromSeconds(action.Seconds ?? 0), action.Summary, token));
                return null;
            default:
                // MarkStable and CompleteStep only change the state.
                return null;
        }
    }

    private static async Task PauseAsync(RolloutAction action, CancellationToken token)
    {
        // Promote moves the state past this action, which interrupts the wait.
        var timeout = action.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        await Workflow.WaitConditionWithOptionsAsync(new WaitConditionOptions(() => false, timeout, action.Summary, token));
    }

    private Task WriteAlbAsync(RolloutAction action, AlbAction alb, CancellationToken token)
    {
        var summary = $"{action.Summary} on ingress {rolloutNamespace}/{alb.Ingress}";
        var options = RolloutActivityOptions.For(RolloutActivityOptions.Kubernetes, summary, token);
        if (action.Kind == ActionKind.ResetAlb)
        {
            var reset = new ResetAlbAnnotationsInput(alb);
            return Workflow.ExecuteActivityAsync((ITrafficActivities a) => a.ResetAlbAnnotationsAsync(reset), options);
        }

        var set = new SetAlbWeightsInput(alb, action.Weight);
        return Workflow.ExecuteActivityAsync((ITrafficActivities a) => a.SetAlbWeightsAsync(set), options);
    }

    /// <summary>Verifies every ingress (never stopping at the first), records each result, then reports a failure if any.</summary>
    private async Task<IReadOnlyList<IngressVerification>> VerifyWeightsAsync(RolloutAction action, CancellationToken token)
    {
        var settings = Revision.Settings;
        var outcomes = await Workflow.WhenAllAsync(AlbActions(action).Select(async alb =>
        {
            var input = new VerifyAlbWeightsInput(alb, action.Weight, settings.VerificationPollSeconds);
            var summary = $"{action.Summary} on ingress {rolloutNamespace}/{alb.Ingress}";
            try
            {
                var result = await Workflow.ExecuteActivityAsync(
                    (ITrafficActivities a) => a.VerifyAlbWeightsAsync(input), RolloutActivityOptions.ForVerification(settings, summary, token));
                return (Verification: new IngressVerification(alb.Ingress, true, action.Weight, result.Message), Failure: (ActivityFailureException?)null);
            }
            catch (ActivityFailureException e) when (!TemporalException.IsCanceledException(e))
            {
                return (Verification: new IngressVerification(alb.Ingress, false, action.Weight, Reason(e)), Failure: e);
            }
        }));
        var verifications = outcomes.Select(o => o.Verification).ToList();
        state = state with { Ingresses = verifications };
        if (outcomes.FirstOrDefault(o => o.Failure is not null).Failure is { } failure)
        {
            throw failure;
        }

        return verifications;
    }

    private IEnumerable<AlbAction> AlbActions(RolloutAction action)
    {
        var canary = Revision.Spec.Canary!;
        var alb = canary.Alb!;
        return alb.Ingresses.Select(ingress => new AlbAction(
            rolloutNamespace,
            rolloutName,
            ingress,
            alb.AnnotationPrefix,
            canary.ActionService ?? action.Roles!.StableService,
            action.Roles!.CanaryService,
            action.Roles.StableService,
            alb.ServicePort,
            alb.Stickiness?.DurationSeconds));
    }

    private static ActivityOptions Options(ActivityOptions family, RolloutAction action, CancellationToken token) =>
        RolloutActivityOptions.For(family, action.Summary, token);

    /// <summary>
    /// The verification ran out of time rather than failing: Temporal reports the deadline either as a timeout
    /// or as the last "not yet" attempt with retry state Timeout.
    /// </summary>
    private static bool NotConverged(ActivityFailureException e) =>
        e.InnerException is TimeoutFailureException
        || e.RetryState == Temporalio.Api.Enums.V1.RetryState.Timeout
        || (e.InnerException is ApplicationFailureException { ErrorType: Names.NotYetVerifiedError });

    /// <summary>
    /// The reason to show for a failed activity: the failure the activity raised on purpose (the outermost
    /// application failure, which names the object and the fix), reached through a timeout when the deadline
    /// ended the retries (the last attempt's reason, not "activity timed out"). Causes below it are what the
    /// activity wrapped, e.g. the Kubernetes client's raw HTTP error, and are not the reason.
    /// </summary>
    private static string Reason(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is ApplicationFailureException)
            {
                return inner.Message;
            }

            if (inner is TimeoutFailureException)
            {
                message = inner.Message;
            }
        }

        return message;
    }
}
