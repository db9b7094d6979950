namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// What the apiextensions server does when a CustomResourceDefinition is created or deleted:
/// start or stop serving its kinds, and report it Established.
/// </summary>
public static class CrdLifecycle
{
    public static void OnCreate(ResourceRegistry registry, JsonObject crd)
    {
        var types = ResourceRegistry.CrdTypes(crd);
        if (types.Count == 0)
        {
            throw new KubernetesApiException(422, "Invalid",
                $"CustomResourceDefinition.apiextensions.k8s.io \"{(string?)crd["metadata"]?["name"]}\" is invalid: spec.versions: Invalid value: []: must have exactly one version marked as storage version");
        }

        var expected = $"{types[0].Plural}.{types[0].Group}";
        var name = (string?)crd["metadata"]?["name"];
        if (name != expected)
        {
            throw new KubernetesApiException(422, "Invalid",
                $"CustomResourceDefinition.apiextensions.k8s.io \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group (\"{expected}\")");
        }

        registry.RegisterCrd(crd);
        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = crd["spec"]?["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(t.Version))]),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
        };
    }

    private static JsonObject Condition(string type, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
    };
}
