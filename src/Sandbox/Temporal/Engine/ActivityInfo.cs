namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;

/// <summary>A scheduled activity of a run, across its attempts.</summary>
internal sealed class ActivityInfo(long scheduledEventId, ActivityTaskScheduledEventAttributes attributes)
{
    public long ScheduledEventId { get; } = scheduledEventId;

    public ActivityTaskScheduledEventAttributes Attributes { get; } = attributes;

    public string ActivityId => Attributes.ActivityId;

    public int Attempt { get; set; } = 1;

    public ActivityState State { get; set; }

    public DateTime ScheduledTime { get; set; }

    public DateTime CurrentAttemptScheduledTime { get; set; }

    public DateTime? StartedTime { get; set; }

    public string StartedIdentity { get; set; } = "";

    public string StartedRequestId { get; set; } = "";

    public Payloads? HeartbeatDetails { get; set; }

    public DateTime? LastHeartbeatTime { get; set; }

    public Failure? LastFailure { get; set; }

    public DateTime? NextAttemptTime { get; set; }

    public long CancelRequestedEventId { get; set; }

    public bool CancelRequested => CancelRequestedEventId > 0;

    public ScheduledCallback? AttemptTimeout { get; set; }

    public ScheduledCallback? HeartbeatTimeout { get; set; }

    public ScheduledCallback? ScheduleToCloseTimeout { get; set; }

    public ScheduledCallback? RetryBackoff { get; set; }

    public void CancelAttemptCallbacks()
    {
        AttemptTimeout?.Cancel();
        HeartbeatTimeout?.Cancel();
        RetryBackoff?.Cancel();
    }

    public void CancelAllCallbacks()
    {
        CancelAttemptCallbacks();
        ScheduleToCloseTimeout?.Cancel();
    }
}

/// <summary>Where the current attempt of an activity is.</summary>
internal enum ActivityState
{
    Scheduled,
    Started,
    BackingOff,
}
