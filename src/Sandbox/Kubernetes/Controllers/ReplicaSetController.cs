namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The ReplicaSet controller: keeps as many Pods as <c>spec.replicas</c> (owned through a controller
/// ownerReference, labelled from the template) and reports replicas, fullyLabeledReplicas,
/// readyReplicas, availableReplicas and observedGeneration. Surplus pods go not-ready first, then newest.
/// </summary>
public sealed class ReplicaSetController
{
    private readonly ApiOperations api;

    public ReplicaSetController(ApiOperations api) => this.api = api;

    public int Reconcile()
    {
        var rsType = api.Registry.Find("apps", "v1", "replicasets")!;
        var podType = api.Registry.Find("", "v1", "pods")!;
        List<JsonObject> sets;
        lock (api.Store.Gate)
        {
            sets = [.. api.Store.Items(rsType, null).Where(r => !JsonPaths.IsDeleting(r))];
        }

        var writes = 0;
        foreach (var rs in sets)
        {
            writes += ReconcileOne(rsType, podType, rs);
        }

        return writes;
    }

    private int ReconcileOne(ResourceType rsType, ResourceType podType, JsonObject rs)
    {
        var ns = JsonPaths.Namespace(rs);
        var name = JsonPaths.Name(rs)!;
        var uid = JsonPaths.Uid(rs)!;
        var desired = (int)(JsonPaths.AsLong(rs["spec"]?["replicas"]) ?? 1);
        var writes = 0;
        var owned = OwnedPods(podType, ns, uid);
        for (var i = owned.Count; i < desired; i++)
        {
            api.Create(podType, ns, NewPod(rs, name, uid));
            writes++;
        }

        foreach (var surplus in owned
            .OrderBy(PodLifecycleController.IsReady)
            .ThenByDescending(p => (string?)p["metadata"]?["creationTimestamp"], StringComparer.Ordinal)
            .ThenByDescending(p => JsonPaths.Name(p), StringComparer.Ordinal)
            .Take(Math.Max(0, owned.Count - desired)))
        {
            try
            {
                api.Deletes.Delete(podType, ns, JsonPaths.Name(surplus)!, null);
                writes++;
            }
            catch (KubernetesApiException e) when (e.Code == 404)
            {
                // Someone else deleted it between our read and our delete; nothing left to do.
            }
        }

        owned = OwnedPods(podType, ns, uid);
        var templateLabels = LabelSelector.FromMap(rs["spec"]?["template"]?["metadata"]?["labels"] as JsonObject);
        var minReady = TimeSpan.FromSeconds(JsonPaths.AsLong(rs["spec"]?["minReadySeconds"]) ?? 0);
        var now = api.Time.GetUtcNow();
        var status = new JsonObject
        {
            ["replicas"] = owned.Count,
            ["fullyLabeledReplicas"] = owned.Count(templateLabels.MatchesObject),
            ["readyReplicas"] = owned.Count(PodLifecycleController.IsReady),
            ["availableReplicas"] = owned.Count(p => IsAvailable(p, minReady, now)),
            ["observedGeneration"] = JsonPaths.AsLong(rs["metadata"]?["generation"]) ?? 1,
        };
        var written = api.Mutate(rsType, ns, name, current =>
        {
            if (JsonNode.DeepEquals(current["status"], status))
            {
                return false;
            }

            current["status"] = status;
            return true;
        }, "status");
        return writes + (written is not null && !JsonNode.DeepEquals(rs["status"], status) ? 1 : 0);
    }

    private List<JsonObject> OwnedPods(ResourceType podType, string? ns, string uid)
    {
        lock (api.Store.Gate)
        {
            return [.. api.Store.Items(podType, ns).Where(p => !JsonPaths.IsDeleting(p)
                && JsonPaths.OwnerReferences(p).Any(r => (string?)r["uid"] == uid && r["controller"] is JsonValue c && c.ToJsonString() == "true"))];
        }
    }

    private static bool IsAvailable(JsonObject pod, TimeSpan minReady, DateTimeOffset now)
    {
        if (!PodLifecycleController.IsReady(pod))
        {
            return false;
        }

        var since = (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => (string?)c["type"] == "Ready").Select(c => JsonPaths.ParseTimestamp((string?)c["lastTransitionTime"])).FirstOrDefault();
        return minReady <= TimeSpan.Zero || (since is not null && now - since.Value >= minReady);
    }

    private static JsonObject NewPod(JsonObject rs, string name, string uid)
    {
        var template = rs["spec"]?["template"] as JsonObject ?? [];
        var metadata = (template["metadata"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        metadata.Remove("name");
        metadata.Remove("namespace");
        metadata["generateName"] = name + "-";
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["name"] = name,
            ["uid"] = uid,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
