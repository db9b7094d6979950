namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

/// <summary>The activity retry policy: defaults, non-retryable failures, attempts, backoff and expiry.</summary>
internal static class RetryDecision
{
    private static TimeSpan DefaultInitialInterval => TimeSpan.FromSeconds(1);

    /// <summary>Fills the server defaults into a policy (as the real server writes them into history).</summary>
    public static RetryPolicy Normalize(RetryPolicy? source)
    {
        var policy = source?.Clone() ?? new RetryPolicy();
        policy.InitialInterval ??= Duration.FromTimeSpan(DefaultInitialInterval);
        if (policy.BackoffCoefficient < 1)
        {
            policy.BackoffCoefficient = 2;
        }

        policy.MaximumInterval ??= Duration.FromTimeSpan(policy.InitialInterval.ToTimeSpan() * 100);
        return policy;
    }

    public static (bool Retry, TimeSpan Delay, RetryState State) Evaluate(ActivityInfo activity, Failure failure, DateTime now)
    {
        var policy = activity.Attributes.RetryPolicy ?? Normalize(null);
        var application = failure.ApplicationFailureInfo;
        if (application is { NonRetryable: true }
            || (application is not null && policy.NonRetryableErrorTypes.Contains(application.Type)))
        {
            return (false, TimeSpan.Zero, RetryState.NonRetryableFailure);
        }

        if (policy.MaximumAttempts > 0 && activity.Attempt >= policy.MaximumAttempts)
        {
            return (false, TimeSpan.Zero, RetryState.MaximumAttemptsReached);
        }

        var delay = application?.NextRetryDelay?.ToTimeSpan() ?? Backoff(policy, activity.Attempt);
        var scheduleToClose = HistoryEvents.ToTimeSpan(activity.Attributes.ScheduleToCloseTimeout);
        if (scheduleToClose > TimeSpan.Zero && now + delay >= activity.ScheduledTime + scheduleToClose)
        {
            return (false, TimeSpan.Zero, RetryState.Timeout);
        }

        return (true, delay, RetryState.InProgress);
    }

    private static TimeSpan Backoff(RetryPolicy policy, int attempt)
    {
        var initial = policy.InitialInterval?.ToTimeSpan() ?? DefaultInitialInterval;
        var maximum = policy.MaximumInterval?.ToTimeSpan() ?? initial * 100;
        var seconds = initial.TotalSeconds * Math.Pow(policy.BackoffCoefficient < 1 ? 2 : policy.BackoffCoefficient, attempt - 1);
        return seconds >= maximum.TotalSeconds ? maximum : TimeSpan.FromSeconds(seconds);
    }
}
