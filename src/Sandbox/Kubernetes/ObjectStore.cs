namespace RolloutWorkflows.Sandbox.Kubernetes;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// In-process access to the sandbox's objects for arranging and asserting: seed from manifests, read,
/// change as another writer would. Every call has the API server's semantics (resourceVersion, events,
/// status isolation) and is visible to watches, but is not in the audit log (that records HTTP writes).
/// </summary>
public sealed class ObjectStore
{
    private readonly ApiOperations api;

    public ObjectStore(ApiOperations api) => this.api = api;

    /// <summary>Gets the current global resourceVersion.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (api.Store.Gate)
            {
                return api.Store.Revision;
            }
        }
    }

    /// <summary>
    /// Creates every object of a multi-document YAML or JSON text (CRDs first registered in document
    /// order, so a CRD and its objects may share a file). An existing object is replaced. Returns the stored objects.
    /// </summary>
    public IReadOnlyList<JsonObject> Seed(string manifests)
    {
        var stored = new List<JsonObject>();
        foreach (var obj in ManifestReader.Read(manifests))
        {
            var type = TypeOf(obj);
            var ns = type.Namespaced ? JsonPaths.Namespace(obj) ?? "default" : null;
            var name = JsonPaths.Name(obj);
            lock (api.Store.Gate)
            {
                var existing = name is null ? null : api.Store.Read(type, ns, name);
                var written = existing is null ? api.Create(type, ns, obj) : api.Update(type, ns, name!, WithVersion(obj, existing), null);

                // A seeded status (e.g. an Ingress's load balancer) is kept: it goes through the status subresource.
                if (type.HasStatus && obj["status"] is not null)
                {
                    written = api.Update(type, JsonPaths.Namespace(written), JsonPaths.Name(written)!, WithVersion(obj, written), "status");
                }

                stored.Add(Fresh(written));
            }
        }

        return stored;
    }

    /// <summary>Creates one object (its apiVersion and kind pick the resource).</summary>
    public JsonObject Create(JsonObject obj)
    {
        var type = TypeOf(obj);
        return Fresh(api.Create(type, type.Namespaced ? JsonPaths.Namespace(obj) ?? "default" : null, obj));
    }

    /// <summary>Reads one object, or null when absent.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? ns, string name)
    {
        var type = Find(apiVersion, kind);
        lock (api.Store.Gate)
        {
            var found = api.Store.Read(type, type.Namespaced ? ns : null, name);
            return found is null ? null : Fresh(found);
        }
    }

    /// <summary>Lists objects (all namespaces when ns is null), optionally by label selector text.</summary>
    public IReadOnlyList<JsonObject> List(string apiVersion, string kind, string? ns = null, string? labelSelector = null)
    {
        var type = Find(apiVersion, kind);
        var selector = LabelSelector.Parse(labelSelector);
        lock (api.Store.Gate)
        {
            return [.. api.Store.Items(type, type.Namespaced ? ns : null).Where(selector.MatchesObject).Select(Fresh)];
        }
    }

    /// <summary>
    /// Changes an object atomically, as another writer would (e.g. to provoke a 409 for a client holding
    /// an older version). Return false from <paramref name="change"/> to leave it. Null when absent.
    /// </summary>
    public JsonObject? Mutate(string apiVersion, string kind, string? ns, string name, Func<JsonObject, bool> change, bool status = false)
    {
        var type = Find(apiVersion, kind);
        var written = api.Mutate(type, type.Namespaced ? ns : null, name, change, status ? "status" : null);
        return written is null ? null : Fresh(written);
    }

    /// <summary>Deletes an object with the given propagation; false when it did not exist.</summary>
    public bool Delete(string apiVersion, string kind, string? ns, string name, string propagationPolicy = "Background")
    {
        var type = Find(apiVersion, kind);
        try
        {
            api.Deletes.Delete(type, type.Namespaced ? ns : null, name, new JsonObject { ["propagationPolicy"] = propagationPolicy });
            return true;
        }
        catch (KubernetesApiException e) when (e.Code == 404)
        {
            return false;
        }
    }

    /// <summary>Closes every open watch now (clients see their streams end).</summary>
    public void DropAllWatches()
    {
        lock (api.Store.Gate)
        {
            api.Store.Hub.DropAll();
        }
    }

    /// <summary>Forgets the watch history: resuming from any earlier resourceVersion gets 410 Expired.</summary>
    public void ExpireWatchHistory()
    {
        lock (api.Store.Gate)
        {
            api.Store.Hub.ExpireHistory(api.Store.Revision);
        }
    }

    /// <summary>A parsed copy: numbers then convert to any numeric type, and callers cannot touch stored objects.</summary>
    private static JsonObject Fresh(JsonObject obj) => (JsonObject)JsonNode.Parse(obj.ToJsonString())!;

    private static JsonObject WithVersion(JsonObject obj, JsonObject current)
    {
        var copy = (JsonObject)obj.DeepClone();
        JsonPaths.Metadata(copy)["resourceVersion"] = JsonPaths.ResourceVersion(current);
        return copy;
    }

    private ResourceType TypeOf(JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        if (apiVersion is null || kind is null)
        {
            throw new ArgumentException($"every manifest needs apiVersion and kind; got apiVersion={apiVersion ?? "(none)"} kind={kind ?? "(none)"} for \"{JsonPaths.Name(obj)}\"", nameof(obj));
        }

        return Find(apiVersion, kind);
    }

    private ResourceType Find(string apiVersion, string kind) =>
        api.Registry.FindByKind(apiVersion, kind)
        ?? throw new ArgumentException($"the sandbox does not serve {kind} in {apiVersion}: register its CustomResourceDefinition first (or enable LegacyIngressApis for v1beta1 Ingress)", nameof(kind));
}
