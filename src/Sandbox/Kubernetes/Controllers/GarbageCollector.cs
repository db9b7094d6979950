namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The garbage collector: deletes objects whose owners (by ownerReferences uid) are all gone, deletes the
/// dependents of owners in foreground deletion, and then lifts the <c>foregroundDeletion</c> finalizer.
/// </summary>
public sealed class GarbageCollector
{
    private readonly ApiOperations api;

    public GarbageCollector(ApiOperations api) => this.api = api;

    public int Reconcile()
    {
        List<(ResourceType Type, JsonObject Object)> all;
        lock (api.Store.Gate)
        {
            var types = api.Registry.All.ToDictionary(t => t.Key);
            all = [.. api.Store.AllObjects().Where(e => types.ContainsKey(e.Key)).Select(e => (types[e.Key], e.Object))];
        }

        var byUid = all.ToDictionary(e => JsonPaths.Uid(e.Object) ?? "", e => e.Object);
        var writes = 0;
        foreach (var (type, obj) in all)
        {
            var owners = JsonPaths.OwnerReferences(obj).Select(r => (string?)r["uid"] ?? "").ToList();
            if (owners.Count == 0 || JsonPaths.IsDeleting(obj))
            {
                continue;
            }

            var live = owners.Where(byUid.ContainsKey).Select(u => byUid[u]).ToList();
            var ownersGone = live.Count == 0;
            var ownerInForeground = live.Exists(o => JsonPaths.IsDeleting(o) && HasForegroundFinalizer(o));
            if (ownersGone || ownerInForeground)
            {
                writes += Delete(type, obj);
            }
        }

        foreach (var (type, owner) in all.Where(e => JsonPaths.IsDeleting(e.Object) && HasForegroundFinalizer(e.Object)))
        {
            var uid = JsonPaths.Uid(owner);
            bool dependentsLeft;
            lock (api.Store.Gate)
            {
                dependentsLeft = api.Store.AllObjects().Any(e => JsonPaths.OwnerReferences(e.Object).Any(r => (string?)r["uid"] == uid));
            }

            if (!dependentsLeft)
            {
                api.Mutate(type, JsonPaths.Namespace(owner), JsonPaths.Name(owner)!, current =>
                {
                    var kept = (JsonPaths.Finalizers(current) ?? []).Where(f => (string?)f != DeleteOperation.ForegroundFinalizer).Select(f => f?.DeepClone()).ToList();
                    JsonPaths.Metadata(current)["finalizers"] = new JsonArray([.. kept]);
                    return true;
                });
                writes++;
            }
        }

        return writes;
    }

    private static bool HasForegroundFinalizer(JsonObject obj) =>
        (JsonPaths.Finalizers(obj) ?? []).Any(f => (string?)f == DeleteOperation.ForegroundFinalizer);

    private int Delete(ResourceType type, JsonObject obj)
    {
        try
        {
            api.Deletes.Delete(type, JsonPaths.Namespace(obj), JsonPaths.Name(obj)!, new JsonObject { ["propagationPolicy"] = "Background" });
            return 1;
        }
        catch (KubernetesApiException e) when (e.Code == 404)
        {
            return 0;
        }
    }
}
