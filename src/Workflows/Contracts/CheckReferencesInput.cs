namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>What a revision names in its namespace, each with the Rollout field that names it.</summary>
public sealed record CheckReferencesInput(string Namespace, string RolloutName, IReadOnlyList<ServiceReference> Services, IReadOnlyList<IngressReference> Ingresses);
