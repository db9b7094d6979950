namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// LIST: items in namespace/name order filtered by label and field selectors, the global
/// resourceVersion, and limit/continue paging. Built-in list items omit kind/apiVersion, as the apiserver does.
/// </summary>
public static class ListOperation
{
    public static JsonObject List(ResourceStore store, ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, int? limit, string? continueToken)
    {
        lock (store.Gate)
        {
            var after = continueToken is null ? null : DecodeContinue(continueToken);
            var matching = store.Items(type, type.Namespaced ? ns : null)
                .Where(o => labels.MatchesObject(o) && fields.Matches(o))
                .Where(o => after is null || string.CompareOrdinal(ResourceStore.KeyOf(JsonPaths.Namespace(o), JsonPaths.Name(o)!), after) > 0)
                .ToList();
            var page = limit is > 0 ? matching.Take(limit.Value).ToList() : matching;
            var items = new JsonArray();
            foreach (var obj in page)
            {
                var item = (JsonObject)obj.DeepClone();
                if (!type.Custom)
                {
                    item.Remove("kind");
                    item.Remove("apiVersion");
                }

                items.Add(item);
            }

            var metadata = new JsonObject { ["resourceVersion"] = store.Revision.ToString(CultureInfo.InvariantCulture) };
            if (page.Count < matching.Count)
            {
                var last = page[^1];
                metadata["continue"] = EncodeContinue(ResourceStore.KeyOf(JsonPaths.Namespace(last), JsonPaths.Name(last)!));
                metadata["remainingItemCount"] = matching.Count - page.Count;
            }

            return new JsonObject
            {
                ["kind"] = type.Kind + "List",
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = metadata,
                ["items"] = items,
            };
        }
    }

    private static string EncodeContinue(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["start"] = key }.ToJsonString()));

    private static string DecodeContinue(string token)
    {
        try
        {
            return (string?)JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))?["start"]
                ?? throw new FormatException("no start key");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw KubernetesApiException.BadRequest($"continue key is not valid: {e.Message}; pass metadata.continue of the previous page unchanged");
        }
    }
}
