namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>The parts of a Service a rollout reads.</summary>
public sealed record ServiceInfo(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Selector,
    IReadOnlyList<ServicePortInfo> Ports,
    string? ManagedBy)
{
    /// <summary>The pod-template hash the selector currently points at, if any.</summary>
    public string? SelectedPodTemplateHash =>
        Selector.TryGetValue(ReplicaSetNames.PodTemplateHashLabel, out var hash) ? hash : null;
}
