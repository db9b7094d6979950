namespace RolloutWorkflows.Workflows.Contracts;

using Temporalio.Activities;

/// <summary>Service selectors managed by rollouts.</summary>
public interface IServiceActivities
{
    /// <summary>Points the Service's <c>rollouts-pod-template-hash</c> selector at a revision; idempotent.</summary>
    [Activity(Names.SwitchServiceSelector)]
    Task<SwitchServiceSelectorResult> SwitchServiceSelectorAsync(SwitchServiceSelectorInput input);
}
