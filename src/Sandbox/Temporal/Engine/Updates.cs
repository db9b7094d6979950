namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Protocol.V1;
using Temporalio.Api.Update.V1;

/// <summary>
/// Workflow updates over the update protocol: requests go to the worker as messages in a workflow task;
/// acceptances and responses come back as messages referenced by ProtocolMessage commands, while a
/// rejection comes as a message that no command references (and leaves no event).
/// </summary>
internal static class Updates
{
    public static UpdateInfo? Find(WorkflowRun run, string updateId) =>
        run.Updates.Find(update => update.UpdateId == updateId);

    public static UpdateInfo Admit(WorkflowRun run, Request request)
    {
        if (string.IsNullOrEmpty(request.Meta?.UpdateId))
        {
            throw RpcErrors.InvalidArgument("request.meta.update_id is required; the SDK sets it, raw callers must too.");
        }

        var update = new UpdateInfo(request);
        run.Updates.Add(update);
        WorkflowTasks.Schedule(run);
        return update;
    }

    public static void Apply(WorkflowRun run, Message message)
    {
        var update = Find(run, message.ProtocolInstanceId);
        if (update is null || message.Body is null)
        {
            return;
        }

        if (message.Body.Is(Acceptance.Descriptor))
        {
            var acceptance = message.Body.Unpack<Acceptance>();
            var accepted = HistoryEvents.New(EventType.WorkflowExecutionUpdateAccepted);
            accepted.WorkflowExecutionUpdateAcceptedEventAttributes = new WorkflowExecutionUpdateAcceptedEventAttributes
            {
                ProtocolInstanceId = update.UpdateId,
                AcceptedRequestMessageId = acceptance.AcceptedRequestMessageId,
                AcceptedRequestSequencingEventId = acceptance.AcceptedRequestSequencingEventId,
                AcceptedRequest = acceptance.AcceptedRequest ?? update.Request,
            };
            run.Append(accepted);
            update.AcceptedEventId = accepted.EventId;
            update.Stage = UpdateWorkflowExecutionLifecycleStage.Accepted;
            update.Accepted.TrySetResult();
        }
        else if (message.Body.Is(Rejection.Descriptor))
        {
            var rejection = message.Body.Unpack<Rejection>();
            Finish(update, new Outcome { Failure = rejection.Failure });
        }
        else if (message.Body.Is(Response.Descriptor))
        {
            var response = message.Body.Unpack<Response>();
            var completed = HistoryEvents.New(EventType.WorkflowExecutionUpdateCompleted);
            completed.WorkflowExecutionUpdateCompletedEventAttributes = new WorkflowExecutionUpdateCompletedEventAttributes
            {
                Meta = response.Meta ?? update.Request.Meta,
                AcceptedEventId = update.AcceptedEventId,
                Outcome = response.Outcome,
            };
            run.Append(completed);
            Finish(update, response.Outcome);
        }
    }

    /// <summary>Ends every open update of a run that just closed.</summary>
    public static void CloseAll(WorkflowRun run)
    {
        foreach (var update in run.Updates.Where(update => update.Stage != UpdateWorkflowExecutionLifecycleStage.Completed))
        {
            if (update.Stage == UpdateWorkflowExecutionLifecycleStage.Accepted)
            {
                Finish(update, new Outcome
                {
                    Failure = new Failure
                    {
                        Message = "Workflow Update failed because the Workflow completed before the Update completed.",
                        ApplicationFailureInfo = new ApplicationFailureInfo { Type = "AcceptedUpdateCompletedWorkflow", NonRetryable = true },
                    },
                });
            }
            else
            {
                var error = RpcErrors.NotFound("workflow execution already completed");
                update.Stage = UpdateWorkflowExecutionLifecycleStage.Completed;
                update.Accepted.TrySetException(error);
                update.Completed.TrySetException(error);
            }
        }
    }

    private static void Finish(UpdateInfo update, Outcome outcome)
    {
        update.Outcome = outcome;
        update.Stage = UpdateWorkflowExecutionLifecycleStage.Completed;
        update.Accepted.TrySetResult();
        update.Completed.TrySetResult();
    }
}
