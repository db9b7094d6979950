namespace RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>What happened to one synthetic request.</summary>
/// <param name="Status">HTTP status the client saw.</param>
/// <param name="Revision">Revision of the Pod that answered, null when none did.</param>
/// <param name="Reason">`ok`, `stale-target` (served by a live Pod its Service no longer selects), `fixed-response`, `no-registered-targets`, `target-not-ready-pod`, `no-load-balancer`, `no-listener` or `no-weight`.</param>
public sealed record RequestOutcome(int Status, string? Revision, string Reason)
{
    /// <summary>Gets a value indicating whether the request failed (5xx).</summary>
    public bool Failed => Status >= 500;
}
