namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="SelectorMatchLabels">The rollout's <c>spec.selector.matchLabels</c>.</param>
/// <param name="PodTemplateJson">The rollout's <c>spec.template</c> as JSON text.</param>
public sealed record EnsureReplicaSetInput(
    string Namespace,
    string RolloutName,
    string PodTemplateHash,
    int Replicas,
    IReadOnlyDictionary<string, string> SelectorMatchLabels,
    string PodTemplateJson,
    long Revision);
