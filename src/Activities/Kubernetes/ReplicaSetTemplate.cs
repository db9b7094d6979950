namespace RolloutWorkflows.Activities.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>What a rollout revision's ReplicaSet is made from.</summary>
/// <param name="Namespace">Namespace of the rollout.</param>
/// <param name="RolloutName">Rollout name; the ReplicaSet is named <c>&lt;rollout&gt;-&lt;hash&gt;</c>.</param>
/// <param name="PodTemplateHash">Value of the <c>rollouts-pod-template-hash</c> label.</param>
/// <param name="Replicas">Initial replica count.</param>
/// <param name="SelectorMatchLabels">The rollout's <c>spec.selector.matchLabels</c>.</param>
/// <param name="PodTemplate">The rollout's <c>spec.template</c>, kept whole.</param>
/// <param name="Revision">Revision number recorded as an annotation.</param>
public sealed record ReplicaSetTemplate(
    string Namespace,
    string RolloutName,
    string PodTemplateHash,
    int Replicas,
    IReadOnlyDictionary<string, string> SelectorMatchLabels,
    JsonObject PodTemplate,
    long Revision)
{
    /// <summary>The ReplicaSet name for this revision.</summary>
    public string ReplicaSetName => ReplicaSetNames.For(RolloutName, PodTemplateHash);
}
