namespace RolloutWorkflows.Activities.Rollout;

using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

/// <summary>The failures rollout activities raise, with the error types the workflow's retry policies know.</summary>
public static class ActivityFailures
{
    /// <summary>Runs <paramref name="call"/>, turning a missing object into a non-retryable <c>ObjectNotFound</c>.</summary>
    public static async Task<T> MapNotFoundAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubernetesObjectNotFoundException e)
        {
            throw NotFound(e);
        }
    }

    /// <summary>A referenced object is missing: non-retryable, the message names it and the fix.</summary>
    public static ApplicationFailureException NotFound(KubernetesObjectNotFoundException e) =>
        new(e.Message, e, Names.ObjectNotFoundError, nonRetryable: true);

    /// <summary>
    /// "Not converged yet": benign (no error logs or metrics) and retryable; the next attempt comes after the
    /// poll interval with +/-10 % jitter, so many rollouts do not poll AWS in lockstep.
    /// </summary>
    public static ApplicationFailureException NotYetVerified(string message, int pollSeconds)
    {
        var jitter = 0.9 + (Random.Shared.NextDouble() * 0.2);
        var delay = TimeSpan.FromSeconds(Math.Max(1, pollSeconds) * jitter);
        return new ApplicationFailureException(
            message, Names.NotYetVerifiedError, nonRetryable: false, nextRetryDelay: delay, category: ApplicationErrorCategory.Benign);
    }

    /// <summary>The rollout spec cannot be acted on; retrying will not help.</summary>
    public static ApplicationFailureException InvalidSpec(string message) =>
        new(message, Names.InvalidRolloutSpecError, nonRetryable: true);
}
