namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

/// <summary>Workflow timers: StartTimer and CancelTimer commands and the TimerFired event.</summary>
internal static class Timers
{
    public static void Start(WorkflowRun run, StartTimerCommandAttributes command, long completedEventId)
    {
        var started = HistoryEvents.New(EventType.TimerStarted);
        started.TimerStartedEventAttributes = new TimerStartedEventAttributes
        {
            TimerId = command.TimerId,
            StartToFireTimeout = command.StartToFireTimeout,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        run.Append(started);
        var startedId = started.EventId;
        var due = run.Engine.Clock.Now + HistoryEvents.ToTimeSpan(command.StartToFireTimeout);
        var firing = run.Engine.Scheduler.Schedule(due, () => Fire(run, command.TimerId, startedId));
        run.Timers[command.TimerId] = new TimerInfo(command.TimerId, startedId, firing);
    }

    public static void Cancel(WorkflowRun run, string timerId, long completedEventId, string identity)
    {
        if (!run.Timers.Remove(timerId, out var timer))
        {
            return;
        }

        timer.Firing.Cancel();
        var canceled = HistoryEvents.New(EventType.TimerCanceled);
        canceled.TimerCanceledEventAttributes = new TimerCanceledEventAttributes
        {
            TimerId = timerId,
            StartedEventId = timer.StartedEventId,
            WorkflowTaskCompletedEventId = completedEventId,
            Identity = identity,
        };
        run.Append(canceled);
    }

    private static void Fire(WorkflowRun run, string timerId, long startedEventId)
    {
        if (!run.IsRunning || !run.Timers.TryGetValue(timerId, out var timer) || timer.StartedEventId != startedEventId)
        {
            return;
        }

        run.Timers.Remove(timerId);
        var fired = HistoryEvents.New(EventType.TimerFired);
        fired.TimerFiredEventAttributes = new TimerFiredEventAttributes { TimerId = timerId, StartedEventId = startedEventId };
        run.AddExternalEvent(fired);
    }
}
