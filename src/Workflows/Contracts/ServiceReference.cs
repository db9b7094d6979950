namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>A Service a revision names.</summary>
/// <param name="Field">The Rollout field that names it, e.g. <c>spec.strategy.canary.canaryService</c>.</param>
/// <param name="Name">The Service's name.</param>
/// <param name="Port">The port it must expose (the ALB <c>servicePort</c> of a traffic-routed Service), else null.</param>
public sealed record ServiceReference(string Field, string Name, int? Port);
