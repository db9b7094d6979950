namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;

/// <summary>State of one workflow execution run: its history and everything pending in it.</summary>
internal sealed class WorkflowRun(SandboxEngine engine, SandboxNamespace ns, string workflowId, string runId, string firstRunId)
{
    private TaskCompletionSource? changed;

    public SandboxEngine Engine { get; } = engine;

    public SandboxNamespace Namespace { get; } = ns;

    public string WorkflowId { get; } = workflowId;

    public string RunId { get; } = runId;

    public string FirstRunId { get; } = firstRunId;

    public string WorkflowType { get; set; } = "";

    public string TaskQueue { get; set; } = "";

    public TimeSpan TaskTimeout { get; set; }

    public string StartRequestId { get; set; } = "";

    public HashSet<string> RequestIds { get; } = new(StringComparer.Ordinal);

    public List<HistoryEvent> History { get; } = [];

    public WorkflowExecutionStatus Status { get; set; } = WorkflowExecutionStatus.Running;

    public bool IsRunning => Status == WorkflowExecutionStatus.Running;

    public DateTime StartTime { get; set; }

    public DateTime ExecutionTime { get; set; }

    public DateTime? CloseTime { get; set; }

    public Memo Memo { get; } = new();

    public SearchAttributes SearchAttributes { get; } = new();

    public UserMetadata? UserMetadata { get; set; }

    public string? ContinuedAsNewRunId { get; set; }

    public bool CancelRequested { get; set; }

    public WorkflowTaskState TaskState { get; set; }

    public long TaskScheduledEventId { get; set; }

    public long TaskStartedEventId { get; set; }

    public int TaskAttempt { get; set; } = 1;

    public DateTime TaskScheduledTime { get; set; }

    public DateTime TaskStartedTime { get; set; }

    public long LastCompletedStartedEventId { get; set; }

    public ScheduledCallback? TaskTimeoutCallback { get; set; }

    /// <summary>Gets or sets the pending delayed creation of the next workflow task (start delay, retry backoff).</summary>
    public ScheduledCallback? TaskBackoff { get; set; }

    /// <summary>Gets events that arrived while a workflow task was running; written when it ends.</summary>
    public List<BufferedEvent> Buffer { get; } = [];

    public Dictionary<long, ActivityInfo> Activities { get; } = [];

    public Dictionary<string, TimerInfo> Timers { get; } = new(StringComparer.Ordinal);

    public List<UpdateInfo> Updates { get; } = [];

    public List<QueryInfo> Queries { get; } = [];

    /// <summary>Gets a value indicating whether nothing can make progress without time passing.</summary>
    public bool IsIdle =>
        TaskState == WorkflowTaskState.None
        && Queries.Count == 0
        && Activities.Values.All(activity => activity.State == ActivityState.BackingOff);

    /// <summary>Gets a task that completes at the next history or state change of this run.</summary>
    public Task Changed => (changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public long NextEventId => History.Count + 1;

    public void NotifyChanged()
    {
        changed?.TrySetResult();
        changed = null;
    }

    /// <summary>Writes an event now, stamping id, time and task id.</summary>
    public HistoryEvent Append(HistoryEvent historyEvent)
    {
        historyEvent.EventId = NextEventId;
        historyEvent.EventTime = Engine.Clock.NowTimestamp;
        historyEvent.TaskId = Engine.NextTaskId();
        History.Add(historyEvent);
        NotifyChanged();
        return historyEvent;
    }

    /// <summary>
    /// Writes an event that the workflow must react to (signal, timer fired, activity result, cancel
    /// request): buffered while a workflow task runs, otherwise written with a new workflow task.
    /// </summary>
    public void AddExternalEvent(HistoryEvent historyEvent, bool linkToPreviousStarted = false)
    {
        if (TaskState == WorkflowTaskState.Started)
        {
            Buffer.Add(new BufferedEvent(historyEvent, linkToPreviousStarted));
            return;
        }

        if (linkToPreviousStarted)
        {
            HistoryEvents.SetStartedEventId(historyEvent, History[^1].EventId);
        }

        Append(historyEvent);
        WorkflowTasks.Schedule(this);
    }

    /// <summary>Writes an activity's result: its lazily written started event (when it started) followed by the close event.</summary>
    public void AddActivityResult(HistoryEvent? started, HistoryEvent closed)
    {
        if (started is null)
        {
            AddExternalEvent(closed);
            return;
        }

        if (TaskState == WorkflowTaskState.Started)
        {
            Buffer.Add(new BufferedEvent(started, false));
            Buffer.Add(new BufferedEvent(closed, true));
            return;
        }

        Append(started);
        HistoryEvents.SetStartedEventId(closed, started.EventId);
        Append(closed);
        WorkflowTasks.Schedule(this);
    }

    /// <summary>Writes the buffered events; returns whether there were any.</summary>
    public bool FlushBuffer()
    {
        if (Buffer.Count == 0)
        {
            return false;
        }

        foreach (var buffered in Buffer)
        {
            if (buffered.LinkToPreviousStarted)
            {
                HistoryEvents.SetStartedEventId(buffered.Event, History[^1].EventId);
            }

            Append(buffered.Event);
        }

        Buffer.Clear();
        return true;
    }
}
