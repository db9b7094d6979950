namespace RolloutWorkflows.Activities.Rollout;

/// <summary>
/// The worker's verification policy (configuration <c>Rollouts:VerifyTargetGroups</c>, worker flag
/// <c>--aws-verify-target-group</c>). A revision carries its own verification settings (chosen by <c>deploy</c>), so
/// its plan replays the same on any worker; the worker cannot switch verification on behind the workflow's back.
/// What it can do, and does when this is set, is refuse before anything is written a revision deployed without it.
/// </summary>
public sealed class VerificationPolicyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Rollouts";

    /// <summary>Refuse revisions deployed without target-group verification.</summary>
    public bool VerifyTargetGroups { get; set; }
}
