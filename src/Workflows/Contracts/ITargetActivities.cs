namespace RolloutWorkflows.Workflows.Contracts;

using Temporalio.Activities;

/// <summary>Target group registration of a Service's endpoints.</summary>
public interface ITargetActivities
{
    /// <summary>
    /// Checks that every IP-mode target group bound to the Service has every ready endpoint of the revision
    /// registered. Not converged yet: a retryable <c>NotYetVerified</c> failure.
    /// </summary>
    [Activity(Names.VerifyTargetRegistration)]
    Task<VerifyTargetRegistrationResult> VerifyTargetRegistrationAsync(VerifyTargetRegistrationInput input);
}
