namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Every name that appears in workflow history, pinned here so that renaming a C# member never breaks a
/// running rollout (STYLE.md 5). Changing a value is a breaking change for every open workflow.
/// </summary>
public static class Names
{
    /// <summary>The workflow type of a rollout.</summary>
    public const string WorkflowType = "Rollout";

    /// <summary>Signal carrying a new revision; CI sends it with signal-with-start.</summary>
    public const string DeploySignal = "Deploy";

    /// <summary>Update: finish the current pause step (or, with <c>full</c>, skip the remaining steps).</summary>
    public const string PromoteUpdate = "Promote";

    /// <summary>Update: move traffic back to stable and stop the update.</summary>
    public const string AbortUpdate = "Abort";

    /// <summary>Update: hold the update at the next action boundary.</summary>
    public const string PauseUpdate = "Pause";

    /// <summary>Update: continue a paused update.</summary>
    public const string ResumeUpdate = "Resume";

    /// <summary>Update: restart an aborted or failed update at step 0.</summary>
    public const string RetryUpdate = "Retry";

    /// <summary>Update: reset the managed annotations to 100 % stable and end the workflow.</summary>
    public const string DeleteUpdate = "Delete";

    /// <summary>Query returning <see cref="RolloutStatus"/>.</summary>
    public const string StatusQuery = "Status";

    /// <summary>Activity: check that the Services and Ingresses a revision names exist and fit it (reads only).</summary>
    public const string CheckReferences = "CheckReferences";

    /// <summary>Activity: create the revision's ReplicaSet unless it exists.</summary>
    public const string EnsureReplicaSet = "EnsureReplicaSet";

    /// <summary>Activity: set a ReplicaSet's replica count.</summary>
    public const string ScaleReplicaSet = "ScaleReplicaSet";

    /// <summary>Activity: wait until every desired replica of a ReplicaSet is available.</summary>
    public const string WaitReplicaSetAvailable = "WaitReplicaSetAvailable";

    /// <summary>Activity: write the ALB action annotation of one ingress.</summary>
    public const string SetAlbWeights = "SetAlbWeights";

    /// <summary>Activity: check that the ALB listener rules of one ingress carry the desired weights.</summary>
    public const string VerifyAlbWeights = "VerifyAlbWeights";

    /// <summary>Activity: reset one ingress's managed action to 100 % stable and drop the bookkeeping entry.</summary>
    public const string ResetAlbAnnotations = "ResetAlbAnnotations";

    /// <summary>Activity: point a Service's pod-template-hash selector at a revision.</summary>
    public const string SwitchServiceSelector = "SwitchServiceSelector";

    /// <summary>Activity: check that a Service's target groups have every ready endpoint registered.</summary>
    public const string VerifyTargetRegistration = "VerifyTargetRegistration";

    /// <summary>
    /// Patch: update plans begin with <see cref="CheckReferences"/>, so a revision naming a missing or unfit object
    /// is refused before anything is written. Histories without this marker keep their plans.
    /// </summary>
    public const string CheckReferencesPatch = "check-references";

    /// <summary>
    /// Patch: a blue-green first deploy verifies the active Service's target registration before the revision is
    /// marked stable. Histories without this marker keep their plans.
    /// </summary>
    public const string VerifyFirstBlueGreenPatch = "verify-first-blue-green";

    /// <summary>
    /// Patch: a Deploy that corrects a failed update is taken instead of ignored or queued forever: the same pod
    /// template with another spec restarts the update with the corrected spec, and a first revision refused before
    /// it wrote anything is replaced by the new one.
    /// </summary>
    public const string AcceptCorrectionPatch = "accept-correction";

    /// <summary>
    /// Patch: a canary first deploy, with verification on, verifies the stable Service's target registration after
    /// its weights, so Healthy means the ALB can serve the first revision too. Histories without it keep their plans.
    /// </summary>
    public const string VerifyFirstCanaryPatch = "verify-first-canary";

    /// <summary>
    /// Patch: a new revision arriving before the first one became stable replaces it at once (a broken first image is
    /// fixed by deploying again); the replaced ReplicaSet is scaled down once the new revision is stable.
    /// </summary>
    public const string ReplaceFirstRevisionPatch = "replace-first-revision";

    /// <summary>Search attribute (Keyword): the rollout's namespace.</summary>
    public const string RolloutNamespaceAttribute = "RolloutNamespace";

    /// <summary>Search attribute (Keyword): the rollout's name.</summary>
    public const string RolloutNameAttribute = "RolloutName";

    /// <summary>Search attribute (Keyword): Progressing, Paused, Healthy or Degraded.</summary>
    public const string RolloutPhaseAttribute = "RolloutPhase";

    /// <summary>Search attribute (Int): the revision being rolled out (or the stable one when idle).</summary>
    public const string RolloutRevisionAttribute = "RolloutRevision";

    /// <summary>Search attribute (Int): the canary weight last set.</summary>
    public const string CanaryWeightAttribute = "CanaryWeight";

    /// <summary>Error type: a verification has not converged yet; retried by the activity's retry policy.</summary>
    public const string NotYetVerifiedError = "NotYetVerified";

    /// <summary>Error type: a referenced Kubernetes object does not exist (non-retryable).</summary>
    public const string ObjectNotFoundError = "ObjectNotFound";

    /// <summary>Error type: the rollout spec cannot be acted on (non-retryable).</summary>
    public const string InvalidRolloutSpecError = "InvalidRolloutSpec";
}
