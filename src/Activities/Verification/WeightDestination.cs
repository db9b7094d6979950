namespace RolloutWorkflows.Activities.Verification;

/// <summary>A service that should receive <see cref="Weight"/> of the ingress's traffic (canary, stable, or an extra destination).</summary>
public sealed record WeightDestination(string ServiceName, int Weight);
