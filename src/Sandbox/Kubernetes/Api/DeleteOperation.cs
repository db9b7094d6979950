namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// DELETE: preconditions (uid, resourceVersion), finalizers with deletionTimestamp, and the three
/// propagation policies through ownerReferences. Background dependents are removed by the garbage
/// collector controller; Foreground adds the <c>foregroundDeletion</c> finalizer that the collector
/// clears once the dependents are gone; Orphan strips the owner reference from dependents at once.
/// </summary>
public sealed class DeleteOperation
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    private readonly ApiOperations api;

    public DeleteOperation(ApiOperations api) => this.api = api;

    /// <summary>Deletes one object; returns the body to answer (the object or a Success Status).</summary>
    public JsonObject Delete(ResourceType type, string? ns, string name, JsonObject? options)
    {
        lock (api.Store.Gate)
        {
            var current = api.Find(type, ns, name);
            CheckPreconditions(type, current, options?["preconditions"] as JsonObject);
            var policy = (string?)options?["propagationPolicy"]
                ?? (options?["orphanDependents"] is JsonValue orphan && orphan.ToJsonString() == "true" ? "Orphan" : "Background");
            if (policy is not ("Background" or "Foreground" or "Orphan"))
            {
                throw KubernetesApiException.BadRequest($"invalid propagationPolicy \"{policy}\": use Background, Foreground or Orphan");
            }

            if (policy == "Orphan")
            {
                Orphan(JsonPaths.Uid(current)!);
            }

            var finalizers = JsonPaths.Finalizers(current)?.Select(f => (string?)f).ToList() ?? [];
            if (policy == "Foreground" && HasDependents(JsonPaths.Uid(current)!) && !finalizers.Contains(ForegroundFinalizer))
            {
                finalizers.Add(ForegroundFinalizer);
            }

            if (finalizers.Count > 0)
            {
                var next = (JsonObject)current.DeepClone();
                var metadata = JsonPaths.Metadata(next);
                metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
                metadata["deletionTimestamp"] ??= JsonPaths.Timestamp(api.Time.GetUtcNow());
                metadata["deletionGracePeriodSeconds"] ??= 0;
                var pending = JsonNode.DeepEquals(next, current) ? current : api.Store.Commit(type, current, next);
                return Answer(type, (JsonObject)pending.DeepClone());
            }

            return Answer(type, RemoveNow(type, current));
        }
    }

    /// <summary>Deletes every object of a collection matching the selectors (deletecollection).</summary>
    public JsonObject DeleteCollection(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, JsonObject? options)
    {
        lock (api.Store.Gate)
        {
            var doomed = api.Store.Items(type, type.Namespaced ? ns : null)
                .Where(o => labels.MatchesObject(o) && fields.Matches(o)).ToList();
            var items = new JsonArray();
            foreach (var obj in doomed)
            {
                var answer = Delete(type, JsonPaths.Namespace(obj), JsonPaths.Name(obj)!, options);
                items.Add(type.DeleteReturnsObject ? answer : obj.DeepClone());
            }

            return new JsonObject
            {
                ["kind"] = type.Kind + "List",
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = api.Store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
        }
    }

    /// <summary>Removes an object for good, with the cascades the apiserver owns (namespace content, CRD kinds).</summary>
    public JsonObject RemoveNow(ResourceType type, JsonObject current)
    {
        var final = api.Store.Remove(type, current);
        if (type == api.NamespaceType)
        {
            var ns = JsonPaths.Name(current);
            foreach (var namespaced in api.Registry.All.Where(t => t.Namespaced))
            {
                foreach (var obj in api.Store.Items(namespaced, ns).ToList())
                {
                    api.Store.Remove(namespaced, obj);
                }
            }
        }
        else if (type.Kind == "CustomResourceDefinition" && type.Group == "apiextensions.k8s.io")
        {
            foreach (var served in api.Registry.UnregisterCrd(current))
            {
                api.Store.RemoveAll(served);
            }
        }

        return final;
    }

    private static JsonObject Answer(ResourceType type, JsonObject obj)
    {
        if (type.DeleteReturnsObject)
        {
            return obj;
        }

        var details = new JsonObject { ["name"] = JsonPaths.Name(obj) };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = JsonPaths.Uid(obj);
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static void CheckPreconditions(ResourceType type, JsonObject current, JsonObject? preconditions)
    {
        var name = JsonPaths.Name(current)!;
        if ((string?)preconditions?["uid"] is { Length: > 0 } uid && uid != JsonPaths.Uid(current))
        {
            throw KubernetesApiException.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonPaths.Uid(current)}");
        }

        if ((string?)preconditions?["resourceVersion"] is { Length: > 0 } rv && rv != JsonPaths.ResourceVersion(current))
        {
            throw KubernetesApiException.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {JsonPaths.ResourceVersion(current)}");
        }
    }

    private bool HasDependents(string uid) =>
        api.Store.AllObjects().Any(e => JsonPaths.OwnerReferences(e.Object).Any(r => (string?)r["uid"] == uid));

    private void Orphan(string uid)
    {
        foreach (var (key, obj) in api.Store.AllObjects().ToList())
        {
            var refs = JsonPaths.OwnerReferences(obj).ToList();
            if (!refs.Exists(r => (string?)r["uid"] == uid))
            {
                continue;
            }

            var type = api.Registry.All.First(t => t.Key == key);
            var next = (JsonObject)obj.DeepClone();
            var kept = new JsonArray([.. refs.Where(r => (string?)r["uid"] != uid).Select(r => (JsonNode?)r.DeepClone())]);
            if (kept.Count == 0)
            {
                JsonPaths.Metadata(next).Remove("ownerReferences");
            }
            else
            {
                JsonPaths.Metadata(next)["ownerReferences"] = kept;
            }

            api.Store.Commit(type, obj, next);
        }
    }
}
