namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using ProtoTaskQueue = Temporalio.Api.TaskQueue.V1.TaskQueue;

/// <summary>Small helpers for building history events and their common fields.</summary>
internal static class HistoryEvents
{
    public static HistoryEvent New(EventType type) => new() { EventType = type };

    public static ProtoTaskQueue NormalQueue(string name) => new() { Name = name, Kind = TaskQueueKind.Normal };

    public static TimeSpan ToTimeSpan(Duration? duration) => duration?.ToTimeSpan() ?? TimeSpan.Zero;

    public static Duration? ToDuration(TimeSpan value) => value > TimeSpan.Zero ? Duration.FromTimeSpan(value) : null;

    public static Timestamp ToTimestamp(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static bool IsClose(EventType type) => type is EventType.WorkflowExecutionCompleted
        or EventType.WorkflowExecutionFailed or EventType.WorkflowExecutionTimedOut
        or EventType.WorkflowExecutionCanceled or EventType.WorkflowExecutionTerminated
        or EventType.WorkflowExecutionContinuedAsNew;

    /// <summary>Points an activity close event at the ActivityTaskStarted event written just before it.</summary>
    public static void SetStartedEventId(HistoryEvent historyEvent, long startedEventId)
    {
        switch (historyEvent.AttributesCase)
        {
            case HistoryEvent.AttributesOneofCase.ActivityTaskCompletedEventAttributes:
                historyEvent.ActivityTaskCompletedEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskFailedEventAttributes:
                historyEvent.ActivityTaskFailedEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskTimedOutEventAttributes:
                historyEvent.ActivityTaskTimedOutEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCanceledEventAttributes:
                historyEvent.ActivityTaskCanceledEventAttributes.StartedEventId = startedEventId;
                break;
            default:
                break;
        }
    }
}
