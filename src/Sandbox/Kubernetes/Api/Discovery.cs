namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// Legacy (non-aggregated) discovery documents: <c>/version</c>, <c>/api</c>, <c>/apis</c>,
/// <c>/apis/{group}</c> and the APIResourceList of each group version, which is what kubectl needs to
/// map <c>kubectl get rs</c> to a URL. Aggregated discovery is not offered, so clients fall back to these.
/// </summary>
public static class Discovery
{
    private static string[] AllVerbs { get; } = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static string[] SubresourceVerbs { get; } = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-rolloutworkflows-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1" }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(registry).Select(g => (JsonNode?)GroupBody(g.Key, g.Value))]),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var versions = Groups(registry).GetValueOrDefault(group);
        if (versions is null)
        {
            return null;
        }

        var body = GroupBody(group, versions);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return body;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            var entry = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray([.. AllVerbs.Select(v => (JsonNode?)JsonValue.Create(v))]),
            };
            if (type.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode?)JsonValue.Create(s))]);
            }

            resources.Add(entry);
            if (type.HasStatus)
            {
                resources.Add(Subresource(type, "status", type.Kind, null));
            }

            if (type.HasScale)
            {
                resources.Add(Subresource(type, "scale", "Scale", "autoscaling"));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Subresource(ResourceType type, string name, string kind, string? group)
    {
        var entry = new JsonObject
        {
            ["name"] = $"{type.Plural}/{name}",
            ["singularName"] = "",
            ["namespaced"] = type.Namespaced,
            ["kind"] = kind,
            ["verbs"] = new JsonArray([.. SubresourceVerbs.Select(v => (JsonNode?)JsonValue.Create(v))]),
        };
        if (group is not null)
        {
            entry["group"] = group;
            entry["version"] = "v1";
        }

        return entry;
    }

    private static SortedDictionary<string, List<string>> Groups(ResourceRegistry registry)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in registry.All.Where(t => t.Group.Length > 0))
        {
            var versions = groups.TryGetValue(type.Group, out var known) ? known : groups[type.Group] = [];
            if (!versions.Contains(type.Version))
            {
                versions.Add(type.Version);
            }
        }

        foreach (var versions in groups.Values)
        {
            versions.Sort(CompareVersions);
        }

        return groups;
    }

    private static JsonObject GroupBody(string group, List<string> versions) => new()
    {
        ["name"] = group,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode?)new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v })]),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
    };

    /// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first.</summary>
    private static int CompareVersions(string a, string b) => Rank(b).CompareTo(Rank(a));

    private static (int Stability, int Major, int Minor) Rank(string version)
    {
        var match = System.Text.RegularExpressions.Regex.Match(version, "^v(\\d+)(?:(alpha|beta)(\\d+))?$");
        if (!match.Success)
        {
            return (0, 0, 0);
        }

        var stability = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stability, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), minor);
    }
}
