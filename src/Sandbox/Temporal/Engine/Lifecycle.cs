namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;

/// <summary>Run creation and closing: start, complete, fail, cancel, terminate, continue-as-new.</summary>
internal static class Lifecycle
{
    public static WorkflowRun StartRun(
        SandboxNamespace ns,
        string workflowId,
        string runId,
        string firstRunId,
        WorkflowExecutionStartedEventAttributes attributes,
        UserMetadata? userMetadata,
        string requestId,
        TimeSpan startDelay,
        Action<WorkflowRun>? beforeFirstTask)
    {
        var engine = ns.Engine;
        var now = engine.Clock.Now;
        var run = new WorkflowRun(engine, ns, workflowId, runId, firstRunId)
        {
            WorkflowType = attributes.WorkflowType.Name,
            TaskQueue = attributes.TaskQueue.Name,
            TaskTimeout = HistoryEvents.ToTimeSpan(attributes.WorkflowTaskTimeout),
            StartRequestId = requestId,
            UserMetadata = userMetadata,
            StartTime = now,
            ExecutionTime = now + startDelay,
        };
        if (requestId.Length > 0)
        {
            run.RequestIds.Add(requestId);
        }

        SearchAttributeValues.MergeMemo(run.Memo, attributes.Memo);
        SearchAttributeValues.Merge(run.SearchAttributes, attributes.SearchAttributes);
        attributes.WorkflowId = workflowId;
        attributes.FirstExecutionRunId = firstRunId;
        attributes.OriginalExecutionRunId = runId;
        attributes.Attempt = 1;
        attributes.FirstWorkflowTaskBackoff = HistoryEvents.ToDuration(startDelay);
        var started = HistoryEvents.New(EventType.WorkflowExecutionStarted);
        started.WorkflowExecutionStartedEventAttributes = attributes;
        started.UserMetadata = userMetadata;

        ns.AddRun(run);
        engine.RunningRuns.Add(run);
        run.Append(started);
        beforeFirstTask?.Invoke(run);
        WorkflowTasks.ScheduleAfter(run, startDelay);
        return run;
    }

    public static void Complete(WorkflowRun run, CompleteWorkflowExecutionCommandAttributes command, long completedEventId)
    {
        var closed = HistoryEvents.New(EventType.WorkflowExecutionCompleted);
        closed.WorkflowExecutionCompletedEventAttributes = new WorkflowExecutionCompletedEventAttributes
        {
            Result = command.Result,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        Close(run, closed, WorkflowExecutionStatus.Completed);
    }

    public static void Fail(WorkflowRun run, FailWorkflowExecutionCommandAttributes command, long completedEventId)
    {
        var closed = HistoryEvents.New(EventType.WorkflowExecutionFailed);
        closed.WorkflowExecutionFailedEventAttributes = new WorkflowExecutionFailedEventAttributes
        {
            Failure = command.Failure,
            RetryState = RetryState.RetryPolicyNotSet,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        Close(run, closed, WorkflowExecutionStatus.Failed);
    }

    public static void Cancel(WorkflowRun run, CancelWorkflowExecutionCommandAttributes command, long completedEventId)
    {
        var closed = HistoryEvents.New(EventType.WorkflowExecutionCanceled);
        closed.WorkflowExecutionCanceledEventAttributes = new WorkflowExecutionCanceledEventAttributes
        {
            Details = command.Details,
            WorkflowTaskCompletedEventId = completedEventId,
        };
        Close(run, closed, WorkflowExecutionStatus.Canceled);
    }

    public static void Terminate(WorkflowRun run, string reason, Payloads? details, string identity)
    {
        var closed = HistoryEvents.New(EventType.WorkflowExecutionTerminated);
        closed.WorkflowExecutionTerminatedEventAttributes = new WorkflowExecutionTerminatedEventAttributes
        {
            Reason = reason,
            Details = details,
            Identity = identity,
        };
        Close(run, closed, WorkflowExecutionStatus.Terminated);
    }

    public static void RequestCancel(WorkflowRun run, string reason, string identity)
    {
        if (run.CancelRequested)
        {
            return;
        }

        run.CancelRequested = true;
        var requested = HistoryEvents.New(EventType.WorkflowExecutionCancelRequested);
        requested.WorkflowExecutionCancelRequestedEventAttributes = new WorkflowExecutionCancelRequestedEventAttributes
        {
            Cause = reason,
            Identity = identity,
        };
        run.AddExternalEvent(requested);
    }

    public static void ContinueAsNew(WorkflowRun run, ContinueAsNewWorkflowExecutionCommandAttributes command, long completedEventId)
    {
        var newRunId = Guid.NewGuid().ToString();
        var workflowType = string.IsNullOrEmpty(command.WorkflowType?.Name) ? new WorkflowType { Name = run.WorkflowType } : command.WorkflowType;
        var taskQueue = HistoryEvents.NormalQueue(string.IsNullOrEmpty(command.TaskQueue?.Name) ? run.TaskQueue : command.TaskQueue.Name);
        var taskTimeout = command.WorkflowTaskTimeout ?? HistoryEvents.ToDuration(run.TaskTimeout);
        var memo = command.Memo ?? run.Memo.Clone();
        var searchAttributes = command.SearchAttributes ?? run.SearchAttributes.Clone();
        var closed = HistoryEvents.New(EventType.WorkflowExecutionContinuedAsNew);
        closed.WorkflowExecutionContinuedAsNewEventAttributes = new WorkflowExecutionContinuedAsNewEventAttributes
        {
            NewExecutionRunId = newRunId,
            WorkflowType = workflowType,
            TaskQueue = taskQueue,
            Input = command.Input,
            WorkflowRunTimeout = command.WorkflowRunTimeout,
            WorkflowTaskTimeout = taskTimeout,
            WorkflowTaskCompletedEventId = completedEventId,
            BackoffStartInterval = command.BackoffStartInterval,
            Initiator = command.Initiator,
            LastCompletionResult = command.LastCompletionResult,
            Header = command.Header,
            Memo = memo,
            SearchAttributes = searchAttributes,
        };
        Close(run, closed, WorkflowExecutionStatus.ContinuedAsNew);
        run.ContinuedAsNewRunId = newRunId;

        var attributes = new WorkflowExecutionStartedEventAttributes
        {
            WorkflowType = workflowType,
            TaskQueue = taskQueue,
            Input = command.Input,
            WorkflowRunTimeout = command.WorkflowRunTimeout,
            WorkflowTaskTimeout = taskTimeout,
            ContinuedExecutionRunId = run.RunId,
            Initiator = command.Initiator == ContinueAsNewInitiator.Unspecified ? ContinueAsNewInitiator.Workflow : command.Initiator,
            ContinuedFailure = command.Failure,
            LastCompletionResult = command.LastCompletionResult,
            Header = command.Header,
            Memo = memo,
            SearchAttributes = searchAttributes,
            RetryPolicy = command.RetryPolicy,
        };
        StartRun(run.Namespace, run.WorkflowId, newRunId, run.FirstRunId, attributes, null, "", HistoryEvents.ToTimeSpan(command.BackoffStartInterval), null);
    }

    /// <summary>Writes the close event and drops everything pending in the run.</summary>
    public static void Close(WorkflowRun run, HistoryEvent closeEvent, WorkflowExecutionStatus status)
    {
        run.TaskTimeoutCallback?.Cancel();
        run.TaskBackoff?.Cancel();
        run.TaskBackoff = null;
        foreach (var timer in run.Timers.Values)
        {
            timer.Firing.Cancel();
        }

        foreach (var activity in run.Activities.Values)
        {
            activity.CancelAllCallbacks();
        }

        run.Timers.Clear();
        run.Activities.Clear();
        run.Buffer.Clear();
        run.Append(closeEvent);
        run.Status = status;
        run.CloseTime = run.Engine.Clock.Now;
        run.TaskState = WorkflowTaskState.None;
        run.Engine.RunningRuns.Remove(run);
        Updates.CloseAll(run);
        foreach (var query in run.Queries.Where(query => query.Delivery == QueryDelivery.AttachedToTask))
        {
            query.Delivery = QueryDelivery.Pending;
        }

        Queries.DispatchPending(run);
        run.Engine.Scheduler.Wake();
    }
}
