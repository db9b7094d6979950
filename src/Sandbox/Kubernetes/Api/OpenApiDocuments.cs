namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// Just enough OpenAPI v3 for kubectl: the <c>/openapi/v3</c> index and, per group version, PATCH
/// operations tagged with <c>x-kubernetes-group-version-kind</c> that declare the <c>fieldValidation</c>
/// query parameter. kubectl then validates on the server (which accepts any fields) instead of
/// downloading schemas; no request bodies are declared, so apply computes patches from its built-in
/// types (strategic merge) or as merge patches for custom resources.
/// </summary>
public static class OpenApiDocuments
{
    public static JsonObject Index(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var groupVersion in registry.All.Select(t => t.ApiVersion).Distinct())
        {
            var key = PathKey(groupVersion);
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash=sandbox" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for <c>/openapi/v3/api/v1</c> or <c>/openapi/v3/apis/{group}/{version}</c>; null when unknown.</summary>
    public static JsonObject? GroupVersion(ResourceRegistry registry, string key)
    {
        var types = registry.All.Where(t => PathKey(t.ApiVersion) == key).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var type in types)
        {
            var prefix = "/" + key + (type.Namespaced ? "/namespaces/{namespace}/" : "/") + type.Plural + "/{name}";
            paths[prefix] = new JsonObject { ["patch"] = PatchOperation(type) };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (RolloutWorkflows sandbox)", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static string PathKey(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? "apis/" + apiVersion : "api/" + apiVersion;

    private static JsonObject PatchOperation(ResourceType type) => new()
    {
        ["operationId"] = $"patch{type.Kind}",
        ["parameters"] = new JsonArray(
            new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } },
            new JsonObject { ["name"] = "fieldManager", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } }),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        ["x-kubernetes-action"] = "patch",
        ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
    };
}
