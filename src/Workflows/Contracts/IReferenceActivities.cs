namespace RolloutWorkflows.Workflows.Contracts;

using Temporalio.Activities;

/// <summary>Read-only checks of the objects a revision names, run before the update writes anything.</summary>
public interface IReferenceActivities
{
    /// <summary>
    /// Checks that every Service and Ingress the revision names exists and can carry it (Service ports, the
    /// Ingress rule's <c>use-annotation</c> backend, no other rollout managing the action). Any problem: a
    /// non-retryable <c>InvalidRolloutSpec</c> failure naming every problem at once, with its field.
    /// </summary>
    [Activity(Names.CheckReferences)]
    Task<CheckReferencesResult> CheckReferencesAsync(CheckReferencesInput input);
}
