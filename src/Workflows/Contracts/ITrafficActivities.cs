namespace RolloutWorkflows.Workflows.Contracts;

using Temporalio.Activities;

/// <summary>ALB traffic: one ingress per call, so each write and check is its own retryable unit.</summary>
public interface ITrafficActivities
{
    /// <summary>Writes the action annotation (and bookkeeping) of one ingress if it differs; idempotent.</summary>
    [Activity(Names.SetAlbWeights)]
    Task<SetAlbWeightsResult> SetAlbWeightsAsync(SetAlbWeightsInput input);

    /// <summary>
    /// Checks that the listener rules of one ingress's load balancer forward the desired weights to both the
    /// canary and the stable target group. Not converged yet: a retryable <c>NotYetVerified</c> failure.
    /// </summary>
    [Activity(Names.VerifyAlbWeights)]
    Task<VerifyAlbWeightsResult> VerifyAlbWeightsAsync(VerifyAlbWeightsInput input);

    /// <summary>Resets this rollout's action on one ingress to 100 % stable and removes its bookkeeping entry.</summary>
    [Activity(Names.ResetAlbAnnotations)]
    Task<ResetAlbAnnotationsResult> ResetAlbAnnotationsAsync(ResetAlbAnnotationsInput input);
}
