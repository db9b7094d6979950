namespace RolloutWorkflows.Sandbox.Kubernetes.Store;

using System.Globalization;
using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Watch;

/// <summary>
/// The raw object storage: JSON objects keyed by resource, namespace and name, one global revision
/// (like an etcd revision) bumped on every real write, and the watch hub fed in commit order.
/// Stored objects are never mutated; writers commit fresh copies. Callers hold <see cref="Gate"/>.
/// </summary>
public sealed class ResourceStore
{
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> data = [];

    public ResourceStore(int watchHistory) => Hub = new WatchHub(watchHistory);

    /// <summary>Gets the single lock that serializes every read-modify-write and every event.</summary>
    public Lock Gate { get; } = new();

    public long Revision { get; private set; }

    public WatchHub Hub { get; }

    public static string KeyOf(string? ns, string name) => $"{ns}/{name}";

    public JsonObject? Read(ResourceType type, string? ns, string name) =>
        data.TryGetValue(type.Key, out var objects) && objects.TryGetValue(KeyOf(ns, name), out var obj) ? obj : null;

    /// <summary>Objects of a resource in key order (namespace, then name); all namespaces when ns is null.</summary>
    public IEnumerable<JsonObject> Items(ResourceType type, string? ns) =>
        !data.TryGetValue(type.Key, out var objects)
            ? []
            : ns is null ? objects.Values : objects.Where(p => p.Key.StartsWith(ns + "/", StringComparison.Ordinal)).Select(p => p.Value);

    /// <summary>Every stored object of every resource, for the garbage collector's owner index.</summary>
    public IEnumerable<(string Key, JsonObject Object)> AllObjects() =>
        data.SelectMany(r => r.Value.Values.Select(o => (r.Key, o)));

    /// <summary>Stores a new version of an object, stamps its resourceVersion and publishes the change.</summary>
    public JsonObject Commit(ResourceType type, JsonObject? previous, JsonObject obj)
    {
        Revision++;
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["resourceVersion"] = Revision.ToString(CultureInfo.InvariantCulture);
        var key = KeyOf((string?)metadata["namespace"], (string)metadata["name"]!);
        if (!data.TryGetValue(type.Key, out var objects))
        {
            objects = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            data[type.Key] = objects;
        }

        objects[key] = obj;
        Hub.Publish(new StoredEvent(Revision, previous is null ? "ADDED" : "MODIFIED", type, obj, previous));
        return obj;
    }

    /// <summary>Removes an object and publishes DELETED carrying the final object at a new revision.</summary>
    public JsonObject Remove(ResourceType type, JsonObject stored)
    {
        Revision++;
        var final = (JsonObject)stored.DeepClone();
        var metadata = (JsonObject)final["metadata"]!;
        metadata["resourceVersion"] = Revision.ToString(CultureInfo.InvariantCulture);
        if (data.TryGetValue(type.Key, out var objects))
        {
            objects.Remove(KeyOf((string?)metadata["namespace"], (string)metadata["name"]!));
        }

        Hub.Publish(new StoredEvent(Revision, "DELETED", type, final, stored));
        return final;
    }

    /// <summary>Drops every object of a resource (a CRD was deleted), publishing DELETED for each.</summary>
    public void RemoveAll(ResourceType type)
    {
        foreach (var obj in Items(type, null).ToList())
        {
            Remove(type, obj);
        }

        data.Remove(type.Key);
    }
}
