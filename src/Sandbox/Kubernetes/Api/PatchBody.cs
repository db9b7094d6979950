namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Patching;

/// <summary>Applies a PATCH body according to its content type, with the apiserver's 415 and 422 answers.</summary>
public static class PatchBody
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    public static JsonObject Apply(ResourceType type, string name, JsonObject current, string? contentType, string body)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var accepted = type.StrategicMerge
            ? $"{JsonPatchType}, {MergePatchType}, {StrategicMergePatchType}"
            : $"{JsonPatchType}, {MergePatchType}";
        if (mediaType == StrategicMergePatchType && !type.StrategicMerge)
        {
            // What kube-apiserver answers for custom resources (kubernetes PR #53558).
            throw KubernetesApiException.UnsupportedMediaType($"{JsonPatchType}, {MergePatchType}, {ApplyPatchType}");
        }

        if (mediaType is not (JsonPatchType or MergePatchType or StrategicMergePatchType))
        {
            // Server-side apply is not simulated: the engine never uses it (see docs/sandbox-kubernetes.md).
            throw KubernetesApiException.UnsupportedMediaType(accepted);
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw KubernetesApiException.BadRequest($"error decoding patch: {e.Message}");
        }

        try
        {
            var result = mediaType switch
            {
                JsonPatchType => JsonPatch.Apply(current, patch as JsonArray
                    ?? throw KubernetesApiException.BadRequest("a JSON patch must be a JSON array of operations")),
                MergePatchType => MergePatch.Apply(current.DeepClone(), patch as JsonObject
                    ?? throw KubernetesApiException.BadRequest("a merge patch must be a JSON object")),
                _ => StrategicMergePatch.Apply(current, patch as JsonObject
                    ?? throw KubernetesApiException.BadRequest("a strategic merge patch must be a JSON object")),
            };
            return result as JsonObject ?? throw KubernetesApiException.BadRequest("the patched object is not a JSON object");
        }
        catch (JsonPatchException e)
        {
            // apiserver handlers/patch.go: a JSON patch that fails to apply is a 422 generic server response.
            throw new KubernetesApiException(422, "Invalid", e.Message, new JsonObject { ["name"] = name, ["kind"] = type.Plural });
        }
    }
}
