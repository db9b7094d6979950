namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Turns the commands and protocol messages of a completed workflow task into history.</summary>
internal static class CommandProcessor
{
    private static HashSet<CommandType> Supported { get; } =
    [
        CommandType.ScheduleActivityTask, CommandType.RequestCancelActivityTask, CommandType.StartTimer,
        CommandType.CancelTimer, CommandType.RecordMarker, CommandType.UpsertWorkflowSearchAttributes,
        CommandType.ModifyWorkflowProperties, CommandType.ProtocolMessage, CommandType.CompleteWorkflowExecution,
        CommandType.FailWorkflowExecution, CommandType.CancelWorkflowExecution, CommandType.ContinueAsNewWorkflowExecution,
    ];

    public static bool IsTerminal(Command command) => command.CommandType is CommandType.CompleteWorkflowExecution
        or CommandType.FailWorkflowExecution or CommandType.CancelWorkflowExecution or CommandType.ContinueAsNewWorkflowExecution;

    /// <summary>Rejects commands the sandbox cannot run, before anything is written.</summary>
    public static void RequireSupported(RespondWorkflowTaskCompletedRequest request)
    {
        var unsupported = request.Commands.FirstOrDefault(command => !Supported.Contains(command.CommandType));
        if (unsupported is not null)
        {
            throw RpcErrors.InvalidArgument(
                $"Command {unsupported.CommandType} is not supported by the Temporal sandbox (no child workflows, external signals/cancels or Nexus).");
        }
    }

    /// <summary>Applies the commands in order; returns whether the workflow needs another task right away.</summary>
    public static bool Apply(WorkflowRun run, RespondWorkflowTaskCompletedRequest request, long completedEventId)
    {
        var messages = request.Messages.ToDictionary(message => message.Id, StringComparer.Ordinal);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var needsTask = false;
        foreach (var command in request.Commands)
        {
            if (!run.IsRunning)
            {
                break;
            }

            var firstNewEvent = run.History.Count;
            needsTask |= ApplyOne(run, command, completedEventId, request.Identity, messages, applied);
            if (command.UserMetadata is not null && run.History.Count > firstNewEvent && command.CommandType != CommandType.ContinueAsNewWorkflowExecution)
            {
                // Summaries of activities and timers travel on the command and are shown from the event.
                run.History[firstNewEvent].UserMetadata = command.UserMetadata;
            }
        }

        // Rejections (and anything else) arrive as messages no command references.
        foreach (var message in request.Messages.Where(message => applied.Add(message.Id)))
        {
            Updates.Apply(run, message);
        }

        return needsTask;
    }

    private static bool ApplyOne(
        WorkflowRun run,
        Command command,
        long completedEventId,
        string identity,
        Dictionary<string, Temporalio.Api.Protocol.V1.Message> messages,
        HashSet<string> applied)
    {
        switch (command.CommandType)
        {
            case CommandType.ScheduleActivityTask:
                ActivityTasks.Schedule(run, command.ScheduleActivityTaskCommandAttributes, completedEventId);
                return false;
            case CommandType.RequestCancelActivityTask:
                return ActivityTasks.RequestCancel(run, command.RequestCancelActivityTaskCommandAttributes.ScheduledEventId, completedEventId);
            case CommandType.StartTimer:
                Timers.Start(run, command.StartTimerCommandAttributes, completedEventId);
                return false;
            case CommandType.CancelTimer:
                Timers.Cancel(run, command.CancelTimerCommandAttributes.TimerId, completedEventId, identity);
                return false;
            case CommandType.RecordMarker:
                RecordMarker(run, command.RecordMarkerCommandAttributes, completedEventId);
                return false;
            case CommandType.UpsertWorkflowSearchAttributes:
                UpsertSearchAttributes(run, command.UpsertWorkflowSearchAttributesCommandAttributes, completedEventId);
                return false;
            case CommandType.ModifyWorkflowProperties:
                ModifyProperties(run, command.ModifyWorkflowPropertiesCommandAttributes, completedEventId);
                return false;
            case CommandType.ProtocolMessage:
                var id = command.ProtocolMessageCommandAttributes.MessageId;
                if (messages.TryGetValue(id, out var message) && applied.Add(id))
                {
                    Updates.Apply(run, message);
                }

                return false;
            case CommandType.CompleteWorkflowExecution:
                Lifecycle.Complete(run, command.CompleteWorkflowExecutionCommandAttributes, completedEventId);
                return false;
            case CommandType.FailWorkflowExecution:
                Lifecycle.Fail(run, command.FailWorkflowExecutionCommandAttributes, completedEventId);
                return false;
            case CommandType.CancelWorkflowExecution:
                Lifecycle.Cancel(run, command.CancelWorkflowExecutionCommandAttributes, completedEventId);
                return false;
            case CommandType.ContinueAsNewWorkflowExecution:
                Lifecycle.ContinueAsNew(run, command.ContinueAsNewWorkflowExecutionCommandAttributes, completedEventId);
                return false;
            default:
                return false;
        }
    }

    private static void RecordMarker(WorkflowRun run, RecordMarkerCommandAttributes command, long completedEventId)
    {
        var marker = HistoryEvents.New(EventType.MarkerRecorded);
        marker.MarkerRecordedEventAttributes = new MarkerRecordedEventAttributes
        {
            MarkerName = command.MarkerName,
            Header = command.Header,
            Failure = command.Failure,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        marker.MarkerRecordedEventAttributes.Details.Add(command.Details);
        run.Append(marker);
    }

    private static void UpsertSearchAttributes(WorkflowRun run, UpsertWorkflowSearchAttributesCommandAttributes command, long completedEventId)
    {
        SearchAttributeValues.Merge(run.SearchAttributes, command.SearchAttributes);
        var upserted = HistoryEvents.New(EventType.UpsertWorkflowSearchAttributes);
        upserted.UpsertWorkflowSearchAttributesEventAttributes = new UpsertWorkflowSearchAttributesEventAttributes
        {
            SearchAttributes = command.SearchAttributes,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        run.Append(upserted);
    }

    private static void ModifyProperties(WorkflowRun run, ModifyWorkflowPropertiesCommandAttributes command, long completedEventId)
    {
        SearchAttributeValues.MergeMemo(run.Memo, command.UpsertedMemo);
        var modified = HistoryEvents.New(EventType.WorkflowPropertiesModified);
        modified.WorkflowPropertiesModifiedEventAttributes = new WorkflowPropertiesModifiedEventAttributes
        {
            UpsertedMemo = command.UpsertedMemo,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        run.Append(modified);
    }
}
