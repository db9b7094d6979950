namespace RolloutWorkflows.Workflows.Rollout;

using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Workflows;

/// <summary>
/// Activity options, defined once per activity family (STYLE.md 27). Call sites only take a copy with the
/// summary, the interrupt token and (for verification) the revision's poll interval and deadline.
/// </summary>
public static class RolloutActivityOptions
{
    /// <summary>Kubernetes writes and reads: transient errors retried with capped backoff for up to 10 minutes.</summary>
    public static readonly ActivityOptions Kubernetes = new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        ScheduleToCloseTimeout = TimeSpan.FromMinutes(10),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromSeconds(30),
            NonRetryableErrorTypes = [Names.ObjectNotFoundError, Names.InvalidRolloutSpecError],
        },
    };

    /// <summary>Waiting for ReplicaSet availability: one long heartbeating poll loop.</summary>
    public static readonly ActivityOptions Availability = new()
    {
        StartToCloseTimeout = TimeSpan.FromMinutes(10),
        HeartbeatTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromSeconds(30),
            MaximumAttempts = 3,
            NonRetryableErrorTypes = [Names.ObjectNotFoundError, Names.InvalidRolloutSpecError],
        },
    };

    /// <summary>
    /// Verification polled through the retry policy: each "not yet" is a benign retryable failure, retried at
    /// a fixed interval (the activity adds jitter) until the ScheduleToClose deadline.
    /// </summary>
    public static readonly ActivityOptions Verification = new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(60),
        ScheduleToCloseTimeout = TimeSpan.FromMinutes(10),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(10),
            BackoffCoefficient = 1,
            MaximumInterval = TimeSpan.FromSeconds(10),
            NonRetryableErrorTypes = [Names.ObjectNotFoundError, Names.InvalidRolloutSpecError],
        },
    };

    /// <summary>A copy of <paramref name="family"/> for one call.</summary>
    public static ActivityOptions For(ActivityOptions family, string summary, CancellationToken token)
    {
        var options = (ActivityOptions)family.Clone();
        options.Summary = summary;
        options.CancellationToken = token;
        return options;
    }

    /// <summary>The availability options with the revision's deadline.</summary>
    public static ActivityOptions ForAvailability(RolloutSettings settings, string summary, CancellationToken token)
    {
        var options = For(Availability, summary, token);
        options.StartToCloseTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.AvailabilityDeadlineSeconds));
        return options;
    }

    /// <summary>The verification options with the revision's poll interval and deadline.</summary>
    public static ActivityOptions ForVerification(RolloutSettings settings, string summary, CancellationToken token)
    {
        var options = For(Verification, summary, token);
        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.VerificationPollSeconds));
        options.ScheduleToCloseTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.VerificationDeadlineSeconds));
        options.RetryPolicy = new RetryPolicy
        {
            InitialInterval = poll,
            BackoffCoefficient = 1,
            MaximumInterval = poll,
            NonRetryableErrorTypes = Verification.RetryPolicy!.NonRetryableErrorTypes,
        };
        return options;
    }
}
