namespace RolloutWorkflows.Sandbox.Kubernetes.Patching;

using System.Text.Json.Nodes;

/// <summary>
/// Strategic merge patch for the built-in kinds: maps merge like a merge patch, lists with a
/// <c>patchMergeKey</c> merge item by item, <c>finalizers</c> merge as a set, other lists are replaced.
/// Supports <c>$patch: replace|delete</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/…</c> and
/// ignores <c>$setElementOrder/…</c> (kubectl apply sends it; order does not matter to us).
/// </summary>
public static class StrategicMergePatch
{
    private static HashSet<string> ContainerLists { get; } = ["containers", "initContainers", "ephemeralContainers"];

    private static Dictionary<string, string> MergeKeys { get; } = new()
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["ownerReferences"] = "uid",
        ["conditions"] = "type",
    };

    private static HashSet<string> PrimitiveSetLists { get; } = ["finalizers"];

    public static JsonObject Apply(JsonObject target, JsonObject patch) =>
        MergeMap((JsonObject)target.DeepClone(), patch, null) as JsonObject ?? [];

    private static string? MergeKey(string field, string? parentList) =>
        field == "ports"
            ? (parentList is not null && ContainerLists.Contains(parentList) ? "containerPort" : "port")
            : MergeKeys.GetValueOrDefault(field);

    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, string? parentList)
    {
        switch ((string?)patch["$patch"])
        {
            case "replace":
                return Strip(patch);
            case "delete":
                return null;
        }

        List<string>? retainKeys = null;
        foreach (var (key, value) in patch)
        {
            if (key == "$patch" || key.StartsWith("$setElementOrder/", StringComparison.Ordinal))
            {
                continue;
            }

            if (key == "$retainKeys")
            {
                retainKeys = (value as JsonArray ?? []).Select(v => (string?)v ?? "").ToList();
                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (original[field] is JsonArray list)
                {
                    var doomed = (value as JsonArray ?? []).ToList();
                    original[field] = new JsonArray([.. list.Where(i => !doomed.Exists(d => JsonNode.DeepEquals(d, i))).Select(i => i?.DeepClone())]);
                }

                continue;
            }

            if (value is null)
            {
                original.Remove(key);
            }
            else if (value is JsonObject valueMap)
            {
                var merged = MergeMap(original[key] as JsonObject ?? [], valueMap, parentList: null);
                if (merged is null)
                {
                    original.Remove(key);
                }
                else
                {
                    original[key] = merged.Parent is null ? merged : merged.DeepClone();
                }
            }
            else if (value is JsonArray valueList)
            {
                original[key] = MergeList(original[key] as JsonArray, valueList, key, parentList);
            }
            else
            {
                original[key] = value.DeepClone();
            }
        }

        if (retainKeys is not null)
        {
            foreach (var key in original.Select(p => p.Key).Where(k => !retainKeys.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, string field, string? parentList)
    {
        if (patch.OfType<JsonObject>().Any(i => (string?)i["$patch"] == "replace"))
        {
            return new JsonArray([.. patch.Where(i => !(i is JsonObject o && (string?)o["$patch"] == "replace")).Select(StripNode)]);
        }

        var key = MergeKey(field, parentList);
        if (key is null)
        {
            if (PrimitiveSetLists.Contains(field) && original is not null)
            {
                var union = new JsonArray([.. original.Select(i => i?.DeepClone())]);
                foreach (var item in patch.Where(p => !original.Any(o => JsonNode.DeepEquals(o, p))))
                {
                    union.Add(item?.DeepClone());
                }

                return union;
            }

            return new JsonArray([.. patch.Select(StripNode)]);
        }

        var result = new JsonArray([.. (original ?? []).Select(i => i?.DeepClone())]);
        foreach (var item in patch.OfType<JsonObject>())
        {
            var keyValue = item[key];
            var index = result.ToList().FindIndex(e => e is JsonObject o && JsonNode.DeepEquals(o[key], keyValue));
            if ((string?)item["$patch"] == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                var existing = (JsonObject)result[index]!;
                result.RemoveAt(index);
                var merged = MergeMap(existing, item, field);
                if (merged is not null)
                {
                    result.Insert(index, merged.Parent is null ? merged : merged.DeepClone());
                }
            }
            else
            {
                result.Add(Strip(item));
            }
        }

        return result;
    }

    private static JsonNode? StripNode(JsonNode? node) => node is JsonObject obj ? Strip(obj) : node?.DeepClone();

    /// <summary>Copies a patch fragment without its directives, for places where it replaces outright.</summary>
    private static JsonObject Strip(JsonObject patch)
    {
        var result = new JsonObject();
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            result[key] = value switch
            {
                JsonObject obj => Strip(obj),
                JsonArray array => new JsonArray([.. array.Select(StripNode)]),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }
}
