namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

/// <summary>A loss-free object for GenericClient: metadata typed, everything else kept as JSON.</summary>
internal sealed class UntypedObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
