namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Globalization;
using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>The <c>/scale</c> subresource: an <c>autoscaling/v1 Scale</c> view of spec.replicas and status.</summary>
public static class ScaleSubresource
{
    public static JsonObject ToScale(ResourceType type, JsonObject obj)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        var selector = type.Scale.LabelSelector is { } path
            ? (string?)JsonPaths.Get(obj, path)
            : SelectorString(obj["spec"]?["selector"] as JsonObject);
        var status = new JsonObject { ["replicas"] = JsonPaths.AsLong(JsonPaths.Get(obj, type.Scale.StatusReplicas)) ?? 0 };
        if (!string.IsNullOrEmpty(selector))
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = JsonPaths.AsLong(JsonPaths.Get(obj, type.Scale.SpecReplicas)) ?? 0 },
            ["status"] = status,
        };
    }

    /// <summary>Applies a (possibly patched) Scale to the object: only spec.replicas moves across.</summary>
    public static JsonObject FromScale(ResourceType type, JsonObject current, JsonObject scale)
    {
        var replicas = scale["spec"]?["replicas"];
        if (JsonPaths.AsLong(replicas) is not { } count || count < 0)
        {
            throw KubernetesApiException.Invalid(type, JsonPaths.Name(current)!, "spec.replicas",
                $"Invalid value: {replicas?.ToJsonString() ?? "null"}: must be a non-negative integer");
        }

        var next = (JsonObject)current.DeepClone();
        JsonPaths.Set(next, type.Scale.SpecReplicas, count);
        var sentVersion = (string?)scale["metadata"]?["resourceVersion"];
        JsonPaths.Metadata(next)["resourceVersion"] = sentVersion ?? JsonPaths.ResourceVersion(current);
        return next;
    }

    private static string? SelectorString(JsonObject? selector)
    {
        if (selector is null)
        {
            return null;
        }

        var text = LabelSelector.FromObject(selector).ToString();
        return text.Length == 0 ? null : text.ToString(CultureInfo.InvariantCulture);
    }
}
