namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Protocol.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Workflow task life: schedule, hand to a poller with full history, time out, fail and retry.</summary>
internal static class WorkflowTasks
{
    private static TimeSpan MaxRetryBackoff => TimeSpan.FromSeconds(10);

    /// <summary>Schedules a workflow task unless one is already scheduled, running or delayed.</summary>
    public static void Schedule(WorkflowRun run)
    {
        if (!run.IsRunning || run.TaskState != WorkflowTaskState.None || run.TaskBackoff is not null)
        {
            return;
        }

        var scheduled = HistoryEvents.New(EventType.WorkflowTaskScheduled);
        scheduled.WorkflowTaskScheduledEventAttributes = new WorkflowTaskScheduledEventAttributes
        {
            TaskQueue = HistoryEvents.NormalQueue(run.TaskQueue),
            StartToCloseTimeout = Duration.FromTimeSpan(run.TaskTimeout),
            Attempt = run.TaskAttempt,
        };
        run.Append(scheduled);
        run.TaskState = WorkflowTaskState.Scheduled;
        run.TaskScheduledEventId = scheduled.EventId;
        run.TaskScheduledTime = run.Engine.Clock.Now;
        run.Namespace.WorkflowQueue(run.TaskQueue).Enqueue(new WorkflowTaskItem(run, scheduled.EventId, null));
    }

    /// <summary>Schedules the next workflow task after a delay (start delay, retry backoff).</summary>
    public static void ScheduleAfter(WorkflowRun run, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Schedule(run);
            return;
        }

        run.TaskBackoff?.Cancel();
        run.TaskBackoff = run.Engine.Scheduler.Schedule(run.Engine.Clock.Now + delay, () =>
        {
            run.TaskBackoff = null;
            Schedule(run);
        });
    }

    /// <summary>Starts the item's task for a poller; null when the item went stale.</summary>
    public static PollWorkflowTaskQueueResponse? TryStart(WorkflowTaskItem item, string identity)
    {
        var run = item.Run;
        if (item.Query is not null)
        {
            return Queries.TryStartQueryTask(run, item.Query);
        }

        if (!run.IsRunning || run.TaskState != WorkflowTaskState.Scheduled || run.TaskScheduledEventId != item.ScheduledEventId)
        {
            return null;
        }

        var started = HistoryEvents.New(EventType.WorkflowTaskStarted);
        started.WorkflowTaskStartedEventAttributes = new WorkflowTaskStartedEventAttributes
        {
            ScheduledEventId = run.TaskScheduledEventId,
            Identity = identity,
            RequestId = Guid.NewGuid().ToString(),
            HistorySizeBytes = run.History.Sum(historyEvent => (long)historyEvent.CalculateSize()),
        };
        run.Append(started);
        run.TaskState = WorkflowTaskState.Started;
        run.TaskStartedEventId = started.EventId;
        run.TaskStartedTime = run.Engine.Clock.Now;
        var startedId = started.EventId;
        run.TaskTimeoutCallback = run.Engine.Scheduler.Schedule(run.TaskStartedTime + run.TaskTimeout, () => TimeOut(run, startedId));

        var response = NewResponse(run, new TaskToken(TaskToken.WorkflowKind, run.Namespace.Name, run.RunId, run.TaskScheduledEventId, run.TaskAttempt, ""));
        response.PreviousStartedEventId = run.LastCompletedStartedEventId;
        response.StartedEventId = started.EventId;
        response.Attempt = run.TaskAttempt;
        response.ScheduledTime = HistoryEvents.ToTimestamp(run.TaskScheduledTime);
        response.StartedTime = HistoryEvents.ToTimestamp(run.TaskStartedTime);
        foreach (var update in run.Updates.Where(update => update.Stage == UpdateWorkflowExecutionLifecycleStage.Admitted && !update.Delivered))
        {
            update.Delivered = true;
            response.Messages.Add(new Message
            {
                Id = $"{update.UpdateId}/request",
                ProtocolInstanceId = update.UpdateId,
                EventId = started.EventId - 1,
                Body = Any.Pack(update.Request),
            });
        }

        foreach (var query in run.Queries.Where(query => query.Delivery == QueryDelivery.Pending))
        {
            query.Delivery = QueryDelivery.AttachedToTask;
            response.Queries.Add(query.Id, query.Query);
        }

        return response;
    }

    /// <summary>A poll response carrying the run's full history (sticky queues are never used).</summary>
    public static PollWorkflowTaskQueueResponse NewResponse(WorkflowRun run, TaskToken token)
    {
        var response = new PollWorkflowTaskQueueResponse
        {
            TaskToken = token.Encode(),
            WorkflowExecution = new WorkflowExecution { WorkflowId = run.WorkflowId, RunId = run.RunId },
            WorkflowType = new WorkflowType { Name = run.WorkflowType },
            WorkflowExecutionTaskQueue = HistoryEvents.NormalQueue(run.TaskQueue),
            History = new History(),
        };
        response.History.Events.AddRange(run.History);
        return response;
    }

    /// <summary>Finds the run whose started workflow task the token names, or throws NotFound.</summary>
    public static WorkflowRun RunningTask(SandboxEngine engine, TaskToken token)
    {
        var ns = engine.GetNamespace(token.Namespace);
        if (!ns.Runs.TryGetValue(token.RunId, out var run) || !run.IsRunning
            || run.TaskState != WorkflowTaskState.Started || run.TaskScheduledEventId != token.ScheduledEventId)
        {
            throw RpcErrors.NotFound("Workflow task not found.");
        }

        return run;
    }

    /// <summary>Fails the running task (worker report or server-side rejection) and schedules a retry.</summary>
    public static void Fail(WorkflowRun run, WorkflowTaskFailedCause cause, Failure? failure, string identity)
    {
        var failed = HistoryEvents.New(EventType.WorkflowTaskFailed);
        failed.WorkflowTaskFailedEventAttributes = new WorkflowTaskFailedEventAttributes
        {
            ScheduledEventId = run.TaskScheduledEventId,
            StartedEventId = run.TaskStartedEventId,
            Cause = cause,
            Failure = failure,
            Identity = identity,
        };
        EndTask(run, failed);
        run.FlushBuffer();

        // Server-side rejections (unhandled command) are not the worker's fault: retry at once as attempt 1.
        var workerFault = cause != WorkflowTaskFailedCause.UnhandledCommand && cause != WorkflowTaskFailedCause.UnhandledUpdate;
        run.TaskAttempt = workerFault ? run.TaskAttempt + 1 : 1;
        var backoff = run.TaskAttempt <= 2
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(MaxRetryBackoff.TotalSeconds, Math.Pow(2, run.TaskAttempt - 3)));
        ScheduleAfter(run, backoff);
        if (run.TaskState == WorkflowTaskState.None)
        {
            Queries.DispatchPending(run);
        }
    }

    /// <summary>Marks the running task complete; the caller applies commands afterwards.</summary>
    public static HistoryEvent Complete(WorkflowRun run, RespondWorkflowTaskCompletedRequest request)
    {
        var completed = HistoryEvents.New(EventType.WorkflowTaskCompleted);
        completed.WorkflowTaskCompletedEventAttributes = new WorkflowTaskCompletedEventAttributes
        {
            ScheduledEventId = run.TaskScheduledEventId,
            StartedEventId = run.TaskStartedEventId,
            Identity = request.Identity,
            SdkMetadata = request.SdkMetadata,
            MeteringMetadata = request.MeteringMetadata,
        };
        run.TaskAttempt = 1;
        run.LastCompletedStartedEventId = run.TaskStartedEventId;
        EndTask(run, completed);
        return completed;
    }

    private static void TimeOut(WorkflowRun run, long startedEventId)
    {
        if (!run.IsRunning || run.TaskState != WorkflowTaskState.Started || run.TaskStartedEventId != startedEventId)
        {
            return;
        }

        var timedOut = HistoryEvents.New(EventType.WorkflowTaskTimedOut);
        timedOut.WorkflowTaskTimedOutEventAttributes = new WorkflowTaskTimedOutEventAttributes
        {
            ScheduledEventId = run.TaskScheduledEventId,
            StartedEventId = run.TaskStartedEventId,
            TimeoutType = TimeoutType.StartToClose,
        };
        EndTask(run, timedOut);
        run.TaskAttempt++;
        run.FlushBuffer();
        Schedule(run);
    }

    /// <summary>Writes the task's end event and returns queries and updates it carried to waiting.</summary>
    private static void EndTask(WorkflowRun run, HistoryEvent endEvent)
    {
        run.TaskTimeoutCallback?.Cancel();
        run.TaskTimeoutCallback = null;
        run.Append(endEvent);
        run.TaskState = WorkflowTaskState.None;
        foreach (var query in run.Queries.Where(query => query.Delivery == QueryDelivery.AttachedToTask))
        {
            query.Delivery = QueryDelivery.Pending;
        }

        foreach (var update in run.Updates)
        {
            update.Delivered = false;
        }

        run.Engine.Scheduler.Wake();
    }
}
