namespace RolloutWorkflows.Activities.Alb;

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// The bookkeeping annotation <c>rollouts.argoproj.io/managed-alb-annotations</c> (F5): a JSON object
/// mapping each rollout name to the annotation keys it manages on that Ingress, written with sorted
/// keys as Go marshals maps. The legacy <c>rollouts.argoproj.io/managed-alb-actions</c>
/// (<c>ro1:key,ro2:key</c>, F6) is read and folded in; writers then remove it.
/// </summary>
public static class ManagedAnnotations
{
    public const string Key = "rollouts.argoproj.io/managed-alb-annotations";
    public const string LegacyKey = "rollouts.argoproj.io/managed-alb-actions";

    /// <summary>
    /// Reads both bookkeeping annotations into one map (rollout name → keys, sorted by rollout name).
    /// </summary>
    /// <param name="annotations">The Ingress annotations (null means none).</param>
    /// <param name="ingressName">For messages: the path of a corrupt value names the ingress.</param>
    /// <exception cref="AlbAnnotationException">Either annotation is corrupt.</exception>
    public static SortedDictionary<string, IReadOnlyList<string>> Parse(IReadOnlyDictionary<string, string>? annotations, string ingressName)
    {
        var map = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (annotations is null)
        {
            return map;
        }

        if (annotations.TryGetValue(LegacyKey, out var legacy))
        {
            ParseLegacy(legacy, map, ingressName);
        }

        if (annotations.TryGetValue(Key, out var json) && json.Length > 0)
        {
            ParseJson(json, map, ingressName);
        }

        return map;
    }

    /// <summary>Go's <c>json.Marshal</c> of <c>map[string][]string</c>: sorted keys, compact.</summary>
    public static string Serialize(IReadOnlyDictionary<string, IReadOnlyList<string>> map)
    {
        var json = new StringBuilder("{");
        foreach (var (rollout, keys) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            GoJson.AppendQuoted(json, rollout);
            json.Append(":[");
            for (var i = 0; i < keys.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                GoJson.AppendQuoted(json, keys[i]);
            }

            json.Append(']');
        }

        return json.Append('}').ToString();
    }

    /// <summary>A copy where <paramref name="rollout"/> also manages <paramref name="key"/> (idempotent; other entries untouched).</summary>
    public static SortedDictionary<string, IReadOnlyList<string>> Add(IReadOnlyDictionary<string, IReadOnlyList<string>> map, string rollout, string key)
    {
        var copy = new SortedDictionary<string, IReadOnlyList<string>>(map.ToDictionary(), StringComparer.Ordinal);
        var keys = copy.TryGetValue(rollout, out var existing) ? existing : [];
        if (!keys.Contains(key))
        {
            copy[rollout] = [.. keys, key];
        }

        return copy;
    }

    /// <summary>A copy without the entry of <paramref name="rollout"/>.</summary>
    public static SortedDictionary<string, IReadOnlyList<string>> Remove(IReadOnlyDictionary<string, IReadOnlyList<string>> map, string rollout)
    {
        var copy = new SortedDictionary<string, IReadOnlyList<string>>(map.ToDictionary(), StringComparer.Ordinal);
        copy.Remove(rollout);
        return copy;
    }

    /// <summary>The other rollout that already manages <paramref name="key"/>, if any (a conflict Argo does not detect).</summary>
    public static string? FindOtherOwner(IReadOnlyDictionary<string, IReadOnlyList<string>> map, string key, string rollout) =>
        map.Where(p => p.Key != rollout && p.Value.Contains(key)).Select(p => p.Key).FirstOrDefault();

    /// <summary>The path used in messages about the bookkeeping annotation of an ingress.</summary>
    public static string PathOf(string ingressName, string key = Key) => $"ingress/{ingressName}.metadata.annotations[{key}]";

    private static void ParseJson(string json, SortedDictionary<string, IReadOnlyList<string>> map, string ingressName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Corrupt(ingressName, $"corrupt JSON ({ex.Message})");
        }

        if (root is not JsonObject obj)
        {
            throw Corrupt(ingressName, "expected a JSON object of rollout name to a list of annotation keys");
        }

        foreach (var (rollout, value) in obj)
        {
            if (value is not JsonArray array || array.Any(k => k is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                throw Corrupt(ingressName, $"entry \"{rollout}\" must be a list of annotation keys");
            }

            var keys = map.TryGetValue(rollout, out var existing) ? existing.ToList() : [];
            keys.AddRange(array.Select(k => k!.GetValue<string>()).Where(k => !keys.Contains(k)));
            map[rollout] = keys;
        }
    }

    private static void ParseLegacy(string value, SortedDictionary<string, IReadOnlyList<string>> map, string ingressName)
    {
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new AlbAnnotationException(PathOf(ingressName, LegacyKey),
                    $"incorrectly formatted managed actions annotation: expected rollout:actionKey entries separated by ',', got \"{entry}\"; fix or delete the annotation");
            }

            var keys = map.TryGetValue(parts[0], out var existing) ? existing.ToList() : [];
            if (!keys.Contains(parts[1]))
            {
                keys.Add(parts[1]);
            }

            map[parts[0]] = keys;
        }
    }

    private static AlbAnnotationException Corrupt(string ingressName, string problem) =>
        new(PathOf(ingressName), $"{problem}; fix or delete the annotation (rollouts rewrites it on the next weight change)");
}
