namespace RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>Null-safe reads of Kubernetes label and annotation maps (IDictionary in KubernetesClient).</summary>
public static class K8sMaps
{
    /// <summary>Gets the value of a key, or null when the map or the key is absent.</summary>
    public static string? Value(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;
}
