namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary>
/// One deployable revision, carried by the <c>Deploy</c> signal: the validated spec, the pod template
/// (JSON text) and its hash. The workflow numbers revisions itself as they arrive.
/// </summary>
public sealed record RolloutRevision
{
    public RolloutSpec Spec { get; init; } = new();

    /// <summary><c>spec.template</c> as JSON text; it becomes the ReplicaSet's pod template.</summary>
    public string PodTemplateJson { get; init; } = "{}";

    /// <summary>The <c>rollouts-pod-template-hash</c> of the template.</summary>
    public string PodTemplateHash { get; init; } = "";

    /// <summary>The revision number; assigned by the workflow when the revision is accepted.</summary>
    public long Number { get; init; }

    public RolloutSettings Settings { get; init; } = new();

    /// <summary>The ReplicaSet name of this revision: <c>&lt;rollout&gt;-&lt;hash&gt;</c>.</summary>
    [JsonIgnore]
    public string ReplicaSetName => $"{Spec.Name}-{PodTemplateHash}";
}
