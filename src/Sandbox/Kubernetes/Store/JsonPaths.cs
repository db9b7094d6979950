namespace RolloutWorkflows.Sandbox.Kubernetes.Store;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>Small helpers over object metadata and dotted paths of schemaless JSON objects.</summary>
public static class JsonPaths
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    public static string? Name(JsonObject obj) => (string?)obj["metadata"]?["name"];

    public static string? Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"];

    public static string? Uid(JsonObject obj) => (string?)obj["metadata"]?["uid"];

    public static string? ResourceVersion(JsonObject obj) => (string?)obj["metadata"]?["resourceVersion"];

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static JsonArray? Finalizers(JsonObject obj) => obj["metadata"]?["finalizers"] as JsonArray;

    public static IEnumerable<JsonObject> OwnerReferences(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>
    /// Reads an integer whatever its backing (parsed JSON, or a value created in code as int or long);
    /// the explicit casts of System.Text.Json refuse to widen int to long.
    /// </summary>
    public static long? AsLong(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>RFC 3339 in whole seconds, as the apiserver writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>Reads a dotted path such as <c>.spec.replicas</c>.</summary>
    public static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.TrimStart('.').Split('.'))
        {
            node = node?[segment];
        }

        return node;
    }

    /// <summary>Writes a dotted path, creating intermediate objects.</summary>
    public static void Set(JsonObject obj, string path, JsonNode? value)
    {
        var segments = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        node[segments[^1]] = value;
    }

    /// <summary>Whether two objects differ outside metadata and status (what bumps generation).</summary>
    public static bool SpecChanged(JsonObject before, JsonObject after)
    {
        var keys = before.Select(p => p.Key).Union(after.Select(p => p.Key))
            .Where(k => k is not "metadata" and not "status" and not "kind" and not "apiVersion");
        return keys.Any(k => !JsonNode.DeepEquals(before[k], after[k]));
    }
}
