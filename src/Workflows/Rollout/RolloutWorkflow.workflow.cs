namespace RolloutWorkflows.Workflows.Rollout;

using Microsoft.Extensions.Logging;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;
using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>
/// One rollout, for its whole life. The run method is a short loop: ask the planner for the action the state
/// points at, run it, record it; handlers only change the state (and interrupt a running action when the plan
/// changes). Progress is never re-derived from the cluster.
/// </summary>
[Workflow(Names.WorkflowType)]
public sealed partial class RolloutWorkflow
{
    private readonly string rolloutNamespace;
    private readonly string rolloutName;
    private RolloutState state;
    private CancellationTokenSource interrupt;
    private int changes;

    [WorkflowInit]
    public RolloutWorkflow(RolloutWorkflowInput input)
    {
        rolloutNamespace = input.Namespace;
        rolloutName = input.Name;
        state = input.State ?? new RolloutState();
        interrupt = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        if (input.Revision is { } revision)
        {
            Deploy(revision);
        }
    }

    /// <summary>The rollout as <c>rollouts status</c> shows it.</summary>
    [WorkflowQuery(Names.StatusQuery)]
    public RolloutStatus Status => StatusProjection.Project(rolloutNamespace, rolloutName, state);

    [WorkflowRun]
    public async Task RunAsync(RolloutWorkflowInput input)
    {
        Publish();
        try
        {
            while (true)
            {
                AdoptPlanVersion();
                var plan = RolloutPlanner.PlanFor(state);
                if (state.ActionIndex >= plan.Count)
                {
                    if (await PlanEndedAsync())
                    {
                        return;
                    }
                }
                else if (Workflow.ContinueAsNewSuggested)
                {
                    await ContinueAsNewAsync();
                }
                else if (state.Paused)
                {
                    var seen = changes;
                    await Workflow.WaitConditionAsync(() => changes != seen);
                }
                else
                {
                    await RunActionAsync(plan.Actions[state.ActionIndex], interrupt.Token);
                }
            }
        }
        catch (Exception e) when (TemporalException.IsCanceledException(e) && Workflow.CancellationToken.IsCancellationRequested)
        {
            // Cancelling the workflow is deleting the rollout: reset the ALB actions even though we are cancelled.
            Workflow.Logger.LogInformation("Rollout {Rollout} cancelled; resetting ALB actions", rolloutName);
            state = RolloutTransitions.Delete(state, Workflow.UtcNow);
            var plan = RolloutPlanner.PlanFor(state);
            foreach (var action in plan.Actions)
            {
                await ExecuteAsync(action, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>A new revision (CI sends it with signal-with-start).</summary>
    [WorkflowSignal(Names.DeploySignal)]
    public Task DeployAsync(RolloutRevision revision)
    {
        Deploy(revision);
        return Task.CompletedTask;
    }

    [WorkflowUpdateValidator(nameof(PromoteAsync))]
    public void ValidatePromote(PromoteRequest request) => Reject(ControlRules.RejectPromote(state, request.Full));

    [WorkflowUpdate(Names.PromoteUpdate)]
    public Task<string> PromoteAsync(PromoteRequest request) =>
        ReplyAsync(s => RolloutTransitions.Promote(s, request.Full, Workflow.UtcNow), request.Full ? "full promotion started" : "promoted");

    [WorkflowUpdateValidator(nameof(AbortAsync))]
    public void ValidateAbort(AbortRequest request) => Reject(ControlRules.RejectAbort(state));

    [WorkflowUpdate(Names.AbortUpdate)]
    public Task<string> AbortAsync(AbortRequest request) =>
        ReplyAsync(s => RolloutTransitions.Abort(s, request.Reason, Workflow.UtcNow), "aborting: traffic goes back to stable");

    [WorkflowUpdateValidator(nameof(PauseAsync))]
    public void ValidatePause() => Reject(ControlRules.RejectPause(state));

    [WorkflowUpdate(Names.PauseUpdate)]
    public Task<string> PauseAsync() => ReplyAsync(s => RolloutTransitions.Pause(s, Workflow.UtcNow), "paused");

    [WorkflowUpdateValidator(nameof(ResumeAsync))]
    public void ValidateResume() => Reject(ControlRules.RejectResume(state));

    [WorkflowUpdate(Names.ResumeUpdate)]
    public Task<string> ResumeAsync() => ReplyAsync(s => RolloutTransitions.Resume(s, Workflow.UtcNow), "resumed");

    [WorkflowUpdateValidator(nameof(RetryAsync))]
    public void ValidateRetry() => Reject(ControlRules.RejectRetry(state));

    [WorkflowUpdate(Names.RetryUpdate)]
    public Task<string> RetryAsync() => ReplyAsync(s => RolloutTransitions.Retry(s, Workflow.UtcNow), "retrying from step 0");

    [WorkflowUpdateValidator(nameof(DeleteAsync))]
    public void ValidateDelete() => Reject(ControlRules.RejectDelete(state));

    [WorkflowUpdate(Names.DeleteUpdate)]
    public Task<string> DeleteAsync() => ReplyAsync(s => RolloutTransitions.Delete(s, Workflow.UtcNow), "deleting: ALB actions go back to stable");

    private static void Reject(string? reason)
    {
        if (reason is not null)
        {
            throw new ApplicationFailureException(reason, errorType: "Rejected", nonRetryable: true);
        }
    }

    private void Deploy(RolloutRevision revision)
    {
        var problems = RevisionChecks.Problems(revision, rolloutNamespace, rolloutName);
        if (problems.Count > 0)
        {
            Apply(s => s.WithEvent(Workflow.UtcNow, $"Deploy of {revision.PodTemplateHash} rejected: {string.Join("; ", problems)}"));
            return;
        }

        Apply(s => RolloutTransitions.Accept(s, revision, Workflow.UtcNow));
    }

    private Task<string> ReplyAsync(Func<RolloutState, RolloutState> change, string reply)
    {
        Apply(change);
        return Task.FromResult(reply);
    }

    /// <summary>Changes the state; a change of plan or position interrupts the running action.</summary>
    private void Apply(Func<RolloutState, RolloutState> change)
    {
        var before = state;
        state = change(state);
        changes++;
        if (before.Stage != state.Stage || before.ActionIndex != state.ActionIndex || !ReferenceEquals(before.Current, state.Current))
        {
            interrupt.Cancel();
            interrupt.Dispose();
            interrupt = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        }

        Publish();
    }

    /// <summary>
    /// Moves to newer plan shapes (<see cref="PlanVersions"/>), one patch per version. Histories from before a
    /// patch replay without it, and the move happens only where no update plan is under way (idle, or an update
    /// that has not run its first action), so no running plan changes shape.
    /// </summary>
    private void AdoptPlanVersion()
    {
        if (state.PlanVersion >= PlanVersions.Latest || (state.Stage == RolloutStage.Updating && state.ActionIndex > 0))
        {
            return;
        }

        var version = state.PlanVersion;
        while (version < PlanVersions.Latest && Workflow.Patched(PlanVersions.Patches[version]))
        {
            version++;
        }

        if (version != state.PlanVersion)
        {
            state = state with { PlanVersion = version };
        }
    }

    /// <returns>True when the workflow is done.</returns>
    private async Task<bool> PlanEndedAsync()
    {
        if (state.Stage is RolloutStage.Idle or RolloutStage.Aborted)
        {
            var seen = changes;
            await Workflow.WaitConditionAsync(() => changes != seen || Workflow.ContinueAsNewSuggested);
            if (changes == seen)
            {
                await ContinueAsNewAsync();
            }

            return false;
        }

        var (next, revisionFinished, ended) = RolloutTransitions.Complete(state, Workflow.UtcNow);
        state = next;
        changes++;
        Publish();
        if (ended)
        {
            await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
            return true;
        }

        if (revisionFinished)
        {
            await ContinueAsNewAsync();
        }

        return false;
    }

    private async Task ContinueAsNewAsync()
    {
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        var carried = state;
        throw Workflow.CreateContinueAsNewException((RolloutWorkflow wf) =>
            wf.RunAsync(new RolloutWorkflowInput(rolloutNamespace, rolloutName) { State = carried }));
    }
}
