namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Activity life: schedule, dispatch, heartbeat, retry with backoff, timeouts, cancellation, results.</summary>
internal static class ActivityTasks
{
    public static void Schedule(WorkflowRun run, ScheduleActivityTaskCommandAttributes command, long completedEventId)
    {
        var attributes = new ActivityTaskScheduledEventAttributes
        {
            ActivityId = command.ActivityId,
            ActivityType = command.ActivityType,
            TaskQueue = HistoryEvents.NormalQueue(string.IsNullOrEmpty(command.TaskQueue?.Name) ? run.TaskQueue : command.TaskQueue.Name),
            Header = command.Header,
            Input = command.Input,
            ScheduleToCloseTimeout = command.ScheduleToCloseTimeout,
            ScheduleToStartTimeout = command.ScheduleToStartTimeout,
            StartToCloseTimeout = command.StartToCloseTimeout ?? command.ScheduleToCloseTimeout,
            HeartbeatTimeout = command.HeartbeatTimeout,
            WorkflowTaskCompletedEventId = completedEventId,
            RetryPolicy = RetryDecision.Normalize(command.RetryPolicy),
            Priority = command.Priority,
        };
        var scheduled = HistoryEvents.New(EventType.ActivityTaskScheduled);
        scheduled.ActivityTaskScheduledEventAttributes = attributes;
        run.Append(scheduled);
        var now = run.Engine.Clock.Now;
        var activity = new ActivityInfo(scheduled.EventId, attributes) { ScheduledTime = now };
        run.Activities[scheduled.EventId] = activity;
        var scheduleToClose = HistoryEvents.ToTimeSpan(attributes.ScheduleToCloseTimeout);
        if (scheduleToClose > TimeSpan.Zero)
        {
            activity.ScheduleToCloseTimeout = run.Engine.Scheduler.Schedule(now + scheduleToClose, () => TimeOut(run, activity, TimeoutType.ScheduleToClose, 0));
        }

        Dispatch(run, activity);
    }

    public static PollActivityTaskQueueResponse? TryStart(ActivityTaskItem item, string identity)
    {
        var run = item.Run;
        if (!run.IsRunning || !run.Activities.TryGetValue(item.ScheduledEventId, out var activity)
            || activity.Attempt != item.Attempt || activity.State != ActivityState.Scheduled)
        {
            return null;
        }

        var now = run.Engine.Clock.Now;
        activity.State = ActivityState.Started;
        activity.StartedTime = now;
        activity.StartedIdentity = identity;
        activity.StartedRequestId = Guid.NewGuid().ToString();
        var attempt = activity.Attempt;
        var startToClose = HistoryEvents.ToTimeSpan(activity.Attributes.StartToCloseTimeout);
        if (startToClose > TimeSpan.Zero)
        {
            activity.AttemptTimeout = run.Engine.Scheduler.Schedule(now + startToClose, () => TimeOut(run, activity, TimeoutType.StartToClose, attempt));
        }

        ArmHeartbeat(run, activity);
        var attributes = activity.Attributes;
        return new PollActivityTaskQueueResponse
        {
            TaskToken = new TaskToken(TaskToken.ActivityKind, run.Namespace.Name, run.RunId, activity.ScheduledEventId, attempt, "").Encode(),
            WorkflowNamespace = run.Namespace.Name,
            WorkflowType = new WorkflowType { Name = run.WorkflowType },
            WorkflowExecution = new WorkflowExecution { WorkflowId = run.WorkflowId, RunId = run.RunId },
            ActivityType = attributes.ActivityType,
            ActivityId = attributes.ActivityId,
            Header = attributes.Header,
            Input = attributes.Input,
            HeartbeatDetails = activity.HeartbeatDetails,
            ScheduledTime = HistoryEvents.ToTimestamp(activity.ScheduledTime),
            CurrentAttemptScheduledTime = HistoryEvents.ToTimestamp(activity.CurrentAttemptScheduledTime),
            StartedTime = HistoryEvents.ToTimestamp(now),
            Attempt = attempt,
            ScheduleToCloseTimeout = attributes.ScheduleToCloseTimeout,
            StartToCloseTimeout = attributes.StartToCloseTimeout,
            HeartbeatTimeout = attributes.HeartbeatTimeout,
            RetryPolicy = attributes.RetryPolicy,
            Priority = attributes.Priority,
        };
    }

    /// <summary>Finds the started attempt a task token names, or throws NotFound (stale or unknown token).</summary>
    public static (WorkflowRun Run, ActivityInfo Activity) Find(SandboxEngine engine, TaskToken token)
    {
        var ns = engine.GetNamespace(token.Namespace);
        if (ns.Runs.TryGetValue(token.RunId, out var run) && run.IsRunning
            && run.Activities.TryGetValue(token.ScheduledEventId, out var activity)
            && activity.Attempt == token.Attempt && activity.State == ActivityState.Started)
        {
            return (run, activity);
        }

        throw RpcErrors.NotFound("Activity task not found.");
    }

    public static (WorkflowRun Run, ActivityInfo Activity) FindById(SandboxNamespace ns, string workflowId, string runId, string activityId)
    {
        var run = ns.GetRun(workflowId, runId);
        var activity = run.IsRunning ? run.Activities.Values.FirstOrDefault(candidate => candidate.ActivityId == activityId) : null;
        return activity is null ? throw RpcErrors.NotFound($"Activity {activityId} not found in workflow {workflowId}.") : (run, activity);
    }

    public static void Complete(WorkflowRun run, ActivityInfo activity, Payloads? result, string identity)
    {
        var closed = HistoryEvents.New(EventType.ActivityTaskCompleted);
        closed.ActivityTaskCompletedEventAttributes = new ActivityTaskCompletedEventAttributes
        {
            Result = result,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        };
        Close(run, activity, closed);
    }

    public static void Fail(WorkflowRun run, ActivityInfo activity, Failure failure, Payloads? lastHeartbeatDetails, string identity)
    {
        activity.HeartbeatDetails = lastHeartbeatDetails ?? activity.HeartbeatDetails;
        var (retry, delay, state) = RetryDecision.Evaluate(activity, failure, run.Engine.Clock.Now);
        if (retry)
        {
            Backoff(run, activity, failure, delay);
            return;
        }

        var closed = HistoryEvents.New(EventType.ActivityTaskFailed);
        closed.ActivityTaskFailedEventAttributes = new ActivityTaskFailedEventAttributes
        {
            Failure = failure,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
            RetryState = state,
        };
        Close(run, activity, closed);
    }

    public static void Canceled(WorkflowRun run, ActivityInfo activity, Payloads? details, string identity)
    {
        var closed = HistoryEvents.New(EventType.ActivityTaskCanceled);
        closed.ActivityTaskCanceledEventAttributes = new ActivityTaskCanceledEventAttributes
        {
            Details = details,
            LatestCancelRequestedEventId = activity.CancelRequestedEventId,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        };
        Close(run, activity, closed);
    }

    /// <summary>Records a heartbeat; returns whether the workflow asked to cancel the activity.</summary>
    public static bool Heartbeat(WorkflowRun run, ActivityInfo activity, Payloads? details)
    {
        activity.HeartbeatDetails = details ?? activity.HeartbeatDetails;
        activity.LastHeartbeatTime = run.Engine.Clock.Now;
        ArmHeartbeat(run, activity);
        return activity.CancelRequested;
    }

    /// <summary>RequestCancelActivityTask: an activity not running is canceled at once (returns true: a new task is needed).</summary>
    public static bool RequestCancel(WorkflowRun run, long scheduledEventId, long completedEventId)
    {
        if (!run.Activities.TryGetValue(scheduledEventId, out var activity))
        {
            // Its result may be held back behind the workflow task that is completing now: the real server still
            // counts the activity as open until that result is written, so it records the request and the result
            // follows it. Without this event the SDK, which sent the command, finds its history short of one.
            if (ResultBuffered(run, scheduledEventId))
            {
                run.Append(CancelRequested(scheduledEventId, completedEventId));
            }

            return false;
        }

        var requested = CancelRequested(scheduledEventId, completedEventId);
        run.Append(requested);
        activity.CancelRequestedEventId = requested.EventId;
        if (activity.State == ActivityState.Started)
        {
            return false;
        }

        activity.CancelAllCallbacks();
        run.Activities.Remove(scheduledEventId);
        var canceled = HistoryEvents.New(EventType.ActivityTaskCanceled);
        canceled.ActivityTaskCanceledEventAttributes = new ActivityTaskCanceledEventAttributes
        {
            LatestCancelRequestedEventId = requested.EventId,
            ScheduledEventId = scheduledEventId,
        };
        run.Append(canceled);
        return true;
    }

    private static HistoryEvent CancelRequested(long scheduledEventId, long completedEventId)
    {
        var requested = HistoryEvents.New(EventType.ActivityTaskCancelRequested);
        requested.ActivityTaskCancelRequestedEventAttributes = new ActivityTaskCancelRequestedEventAttributes
        {
            ScheduledEventId = scheduledEventId,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        return requested;
    }

    private static bool ResultBuffered(WorkflowRun run, long scheduledEventId) => run.Buffer.Exists(buffered => buffered.Event.EventType switch
    {
        EventType.ActivityTaskCompleted => buffered.Event.ActivityTaskCompletedEventAttributes.ScheduledEventId == scheduledEventId,
        EventType.ActivityTaskFailed => buffered.Event.ActivityTaskFailedEventAttributes.ScheduledEventId == scheduledEventId,
        EventType.ActivityTaskTimedOut => buffered.Event.ActivityTaskTimedOutEventAttributes.ScheduledEventId == scheduledEventId,
        EventType.ActivityTaskCanceled => buffered.Event.ActivityTaskCanceledEventAttributes.ScheduledEventId == scheduledEventId,
        _ => false,
    });

    private static void Dispatch(WorkflowRun run, ActivityInfo activity)
    {
        activity.State = ActivityState.Scheduled;
        activity.CurrentAttemptScheduledTime = run.Engine.Clock.Now;
        activity.NextAttemptTime = null;
        run.Namespace.ActivityQueue(activity.Attributes.TaskQueue.Name).Enqueue(new ActivityTaskItem(run, activity.ScheduledEventId, activity.Attempt));
    }

    private static void ArmHeartbeat(WorkflowRun run, ActivityInfo activity)
    {
        var heartbeat = HistoryEvents.ToTimeSpan(activity.Attributes.HeartbeatTimeout);
        if (heartbeat <= TimeSpan.Zero)
        {
            return;
        }

        activity.HeartbeatTimeout?.Cancel();
        var attempt = activity.Attempt;
        activity.HeartbeatTimeout = run.Engine.Scheduler.Schedule(run.Engine.Clock.Now + heartbeat, () => TimeOut(run, activity, TimeoutType.Heartbeat, attempt));
    }

    private static void Backoff(WorkflowRun run, ActivityInfo activity, Failure failure, TimeSpan delay)
    {
        activity.CancelAttemptCallbacks();
        activity.LastFailure = failure;
        activity.Attempt++;
        activity.State = ActivityState.BackingOff;
        activity.StartedTime = null;
        var due = run.Engine.Clock.Now + delay;
        activity.NextAttemptTime = due;
        activity.RetryBackoff = run.Engine.Scheduler.Schedule(due, () =>
        {
            if (run.IsRunning && run.Activities.ContainsKey(activity.ScheduledEventId))
            {
                Dispatch(run, activity);
            }
        });
        run.Engine.Scheduler.Wake();
    }

    private static void TimeOut(WorkflowRun run, ActivityInfo activity, TimeoutType type, int attempt)
    {
        if (!run.IsRunning || !run.Activities.TryGetValue(activity.ScheduledEventId, out var current) || current != activity)
        {
            return;
        }

        if (type != TimeoutType.ScheduleToClose && (activity.Attempt != attempt || activity.State != ActivityState.Started))
        {
            return;
        }

        var failure = new Failure
        {
            Message = $"activity {type} timeout",
            TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = type, LastHeartbeatDetails = activity.HeartbeatDetails },
        };
        var state = RetryState.Timeout;
        if (type != TimeoutType.ScheduleToClose)
        {
            var (retry, delay, decided) = RetryDecision.Evaluate(activity, failure, run.Engine.Clock.Now);
            if (retry)
            {
                Backoff(run, activity, failure, delay);
                return;
            }

            state = decided;
        }

        var closed = HistoryEvents.New(EventType.ActivityTaskTimedOut);
        closed.ActivityTaskTimedOutEventAttributes = new ActivityTaskTimedOutEventAttributes
        {
            Failure = failure,
            ScheduledEventId = activity.ScheduledEventId,
            RetryState = state,
        };
        Close(run, activity, closed);
    }

    private static void Close(WorkflowRun run, ActivityInfo activity, HistoryEvent closed)
    {
        activity.CancelAllCallbacks();
        run.Activities.Remove(activity.ScheduledEventId);
        HistoryEvent? started = null;
        if (activity.State == ActivityState.Started)
        {
            started = HistoryEvents.New(EventType.ActivityTaskStarted);
            started.ActivityTaskStartedEventAttributes = new ActivityTaskStartedEventAttributes
            {
                ScheduledEventId = activity.ScheduledEventId,
                Identity = activity.StartedIdentity,
                RequestId = activity.StartedRequestId,
                Attempt = activity.Attempt,
                LastFailure = activity.LastFailure,
            };
        }

        run.AddActivityResult(started, closed);
        run.Engine.Scheduler.Wake();
    }
}
