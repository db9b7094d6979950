namespace RolloutWorkflows.Activities.Alb;

using RolloutWorkflows.Workflows.Model;

/// <summary>
/// What one forward action needs: the canary and stable Services (already resolved for ping-pong),
/// the rollout's <c>servicePort</c>, the canary weight (stable gets the rest) and the optional stickiness.
/// </summary>
public sealed record AlbActionInput(string CanaryService, string StableService, int ServicePort, int CanaryWeight, StickinessConfig? Stickiness = null);
