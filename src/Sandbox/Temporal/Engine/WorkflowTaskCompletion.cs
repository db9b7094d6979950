namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>RespondWorkflowTaskCompleted: checks, commands, query answers, then the next task if needed.</summary>
internal static class WorkflowTaskCompletion
{
    public static void Apply(WorkflowRun run, RespondWorkflowTaskCompletedRequest request)
    {
        CommandProcessor.RequireSupported(request);
        var rejection = Reject(run, request);
        if (rejection is not null)
        {
            // As the real server does: the whole task is rejected and the workflow gets a new one that
            // shows what it missed (signals, results, updates that arrived while it ran).
            WorkflowTasks.Fail(run, rejection.Value.Cause, new Failure { Message = rejection.Value.Message }, request.Identity);
            return;
        }

        // Before Complete: ending the task returns its attached queries to waiting, which would drop these
        // answers and send the queries out again, so a workflow whose every task is followed by another
        // (signals or activity results arriving while it runs) could starve a query until it timed out.
        Queries.AnswerAttached(run, request.QueryResults);
        var completed = WorkflowTasks.Complete(run, request);
        var needsTask = CommandProcessor.Apply(run, request, completed.EventId);
        if (!run.IsRunning)
        {
            return;
        }

        var hadBuffered = run.FlushBuffer();
        var updateWaiting = run.Updates.Exists(update => update.Stage == UpdateWorkflowExecutionLifecycleStage.Admitted && !update.Delivered);
        if (needsTask || hadBuffered || updateWaiting || request.ForceCreateNewWorkflowTask)
        {
            WorkflowTasks.Schedule(run);
        }
        else
        {
            Queries.DispatchPending(run);
        }
    }

    private static (WorkflowTaskFailedCause Cause, string Message)? Reject(WorkflowRun run, RespondWorkflowTaskCompletedRequest request)
    {
        var closes = request.Commands.Any(CommandProcessor.IsTerminal);
        if (closes && run.Buffer.Count > 0)
        {
            return (WorkflowTaskFailedCause.UnhandledCommand, "UnhandledCommand: new events arrived while the workflow task that closes the workflow was running.");
        }

        var delivered = run.Updates.Where(update => update.Delivered).Select(update => update.UpdateId).ToHashSet(StringComparer.Ordinal);
        if (closes && run.Updates.Exists(update => update.Stage == UpdateWorkflowExecutionLifecycleStage.Admitted && !delivered.Contains(update.UpdateId)))
        {
            return (WorkflowTaskFailedCause.UnhandledUpdate, "UnhandledUpdate: an update arrived while the workflow task that closes the workflow was running.");
        }

        foreach (var command in request.Commands.Where(command => command.CommandType == CommandType.UpsertWorkflowSearchAttributes))
        {
            var unknown = SearchAttributeValues.FindUnregistered(run.Namespace, command.UpsertWorkflowSearchAttributesCommandAttributes.SearchAttributes);
            if (unknown is not null)
            {
                return (WorkflowTaskFailedCause.BadSearchAttributes, $"BadSearchAttributes: search attribute {unknown} is not defined; register it first.");
            }
        }

        return null;
    }
}
