namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>An Ingress whose ALB action a canary revision writes.</summary>
/// <param name="Field">The Rollout field that names it, e.g. <c>spec.strategy.canary.trafficRouting.alb.ingress</c>.</param>
/// <param name="Name">The Ingress's name.</param>
/// <param name="ActionService">The Service a rule must point at with port <c>use-annotation</c> (rootService, else stableService).</param>
/// <param name="AnnotationPrefix">The prefix of the action annotation key.</param>
public sealed record IngressReference(string Field, string Name, string ActionService, string AnnotationPrefix);
