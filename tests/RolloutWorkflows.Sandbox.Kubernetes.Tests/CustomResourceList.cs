namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

/// <summary>A list of custom resources, as the CustomObjects list endpoints return it.</summary>
internal sealed class CustomResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
    where T : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}
