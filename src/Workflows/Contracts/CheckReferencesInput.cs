namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// What a revision names in its namespace, each with the Rollout field that names it, and whether it was deployed
/// with target-group verification (null in inputs recorded before the field existed: not checked).
/// </summary>
public sealed record CheckReferencesInput(
    string Namespace,
    string RolloutName,
    IReadOnlyList<ServiceReference> Services,
    IReadOnlyList<IngressReference> Ingresses,
    bool? VerifiesTargetGroups = null);
