namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The Endpoints and EndpointSlice controllers: for every Service with a selector, the pods it selects
/// (with an IP, not terminating) become ready or not-ready addresses, with target ports resolved per pod
/// (named ports through the containers' port names). Services without a selector are left alone.
/// </summary>
public sealed class EndpointsController
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string SliceManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string SliceManager = "endpointslice-controller.k8s.io";
    public const string EndpointsManagedByLabel = "endpoints.kubernetes.io/managed-by";
    public const string EndpointsManager = "endpoint-controller";
    private readonly ApiOperations api;
    private readonly ControllerOptions options;

    public EndpointsController(ApiOperations api, ControllerOptions options)
    {
        this.api = api;
        this.options = options;
    }

    public int Reconcile()
    {
        var svcType = api.Registry.Find("", "v1", "services")!;
        var podType = api.Registry.Find("", "v1", "pods")!;
        var epType = api.Registry.Find("", "v1", "endpoints")!;
        var sliceType = api.Registry.Find("discovery.k8s.io", "v1", "endpointslices")!;
        List<JsonObject> services;
        List<JsonObject> pods;
        List<JsonObject> managedEndpoints;
        lock (api.Store.Gate)
        {
            services = [.. api.Store.Items(svcType, null).Where(s => !JsonPaths.IsDeleting(s))];
            pods = [.. api.Store.Items(podType, null)];
            managedEndpoints = [.. api.Store.Items(epType, null).Where(e => (string?)e["metadata"]?["labels"]?[EndpointsManagedByLabel] == EndpointsManager)];
        }

        var writes = 0;
        var served = new HashSet<string>();
        foreach (var service in services)
        {
            if (service["spec"]?["selector"] is not JsonObject { Count: > 0 } selector)
            {
                continue;
            }

            served.Add(ResourceStore.KeyOf(JsonPaths.Namespace(service), JsonPaths.Name(service)!));
            var selected = pods.Where(p => JsonPaths.Namespace(p) == JsonPaths.Namespace(service) && !JsonPaths.IsDeleting(p)
                && (string?)p["status"]?["podIP"] is not null && (string?)p["status"]?["phase"] is not ("Failed" or "Succeeded")
                && LabelSelector.FromMap(selector).MatchesObject(p)).ToList();
            var groups = EndpointGroups.Build(service, selected);
            writes += Upsert(epType, JsonPaths.Namespace(service), JsonPaths.Name(service)!, EndpointsBody(service, groups));
            writes += ReconcileSlices(sliceType, service, groups);
        }

        foreach (var orphan in managedEndpoints.Where(e => !served.Contains(ResourceStore.KeyOf(JsonPaths.Namespace(e), JsonPaths.Name(e)!))))
        {
            writes += TryDelete(epType, orphan);
        }

        return writes;
    }

    private static JsonObject EndpointsBody(JsonObject service, List<EndpointGroups.Group> groups)
    {
        var labels = (service["metadata"]?["labels"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        labels[EndpointsManagedByLabel] = EndpointsManager;
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = JsonPaths.Name(service), ["namespace"] = JsonPaths.Namespace(service), ["labels"] = labels },
        };
        var subsets = new JsonArray();
        foreach (var group in groups.Where(g => g.Pods.Count > 0))
        {
            var subset = new JsonObject();
            var ready = group.Pods.Where(PodLifecycleController.IsReady).Select(Address).ToList();
            var notReady = group.Pods.Where(p => !PodLifecycleController.IsReady(p)).Select(Address).ToList();
            if (ready.Count > 0)
            {
                subset["addresses"] = new JsonArray([.. ready]);
            }

            if (notReady.Count > 0)
            {
                subset["notReadyAddresses"] = new JsonArray([.. notReady]);
            }

            subset["ports"] = group.PortsJson();
            subsets.Add(subset);
        }

        if (subsets.Count > 0)
        {
            body["subsets"] = subsets;
        }

        return body;
    }

    private int ReconcileSlices(ResourceType sliceType, JsonObject service, List<EndpointGroups.Group> groups)
    {
        var ns = JsonPaths.Namespace(service);
        var serviceName = JsonPaths.Name(service)!;
        List<JsonObject> existing;
        lock (api.Store.Gate)
        {
            existing = [.. api.Store.Items(sliceType, ns).Where(s => (string?)s["metadata"]?["labels"]?[ServiceNameLabel] == serviceName
                && (string?)s["metadata"]?["labels"]?[SliceManagedByLabel] == SliceManager)];
        }

        var writes = 0;
        var wanted = new HashSet<string>();
        for (var i = 0; i < Math.Max(1, groups.Count); i++)
        {
            var name = SliceName(service, i);
            wanted.Add(name);
            writes += Upsert(sliceType, ns, name, SliceBody(service, name, groups.ElementAtOrDefault(i)));
        }

        foreach (var extra in existing.Where(s => !wanted.Contains(JsonPaths.Name(s)!)))
        {
            writes += TryDelete(sliceType, extra);
        }

        return writes;
    }

    private JsonObject SliceBody(JsonObject service, string name, EndpointGroups.Group? group)
    {
        var endpoints = new JsonArray();
        foreach (var pod in group?.Pods ?? [])
        {
            var ready = PodLifecycleController.IsReady(pod);
            endpoints.Add(new JsonObject
            {
                ["addresses"] = new JsonArray((string?)pod["status"]!["podIP"]),
                ["conditions"] = new JsonObject { ["ready"] = ready, ["serving"] = ready, ["terminating"] = false },
                ["nodeName"] = options.NodeName,
                ["targetRef"] = TargetRef(pod),
            });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = JsonPaths.Namespace(service),
                ["labels"] = new JsonObject { [ServiceNameLabel] = JsonPaths.Name(service), [SliceManagedByLabel] = SliceManager },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Service",
                    ["name"] = JsonPaths.Name(service),
                    ["uid"] = JsonPaths.Uid(service),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = endpoints,
            ["ports"] = group?.PortsJson() ?? [],
        };
    }

    /// <summary>Creates the object or updates it when its content differs; returns the number of writes.</summary>
    private int Upsert(ResourceType type, string? ns, string name, JsonObject desired)
    {
        var changed = false;
        var existing = api.Mutate(type, ns, name, current =>
        {
            foreach (var (key, value) in desired.Where(p => p.Key != "metadata"))
            {
                if (!JsonNode.DeepEquals(current[key], value))
                {
                    current[key] = value?.DeepClone();
                    changed = true;
                }
            }

            foreach (var key in current.Select(p => p.Key).Where(k => k is "subsets" && !desired.ContainsKey(k)).ToList())
            {
                current.Remove(key);
                changed = true;
            }

            var labels = desired["metadata"]?["labels"];
            if (!JsonNode.DeepEquals(current["metadata"]?["labels"], labels))
            {
                JsonPaths.Metadata(current)["labels"] = labels?.DeepClone();
                changed = true;
            }

            return changed;
        });
        if (existing is not null)
        {
            return changed ? 1 : 0;
        }

        try
        {
            api.Create(type, ns, (JsonObject)desired.DeepClone());
            return 1;
        }
        catch (KubernetesApiException e) when (e.Code == 409)
        {
            return 0;
        }
    }

    private int TryDelete(ResourceType type, JsonObject obj)
    {
        try
        {
            api.Deletes.Delete(type, JsonPaths.Namespace(obj), JsonPaths.Name(obj)!, null);
            return 1;
        }
        catch (KubernetesApiException e) when (e.Code == 404)
        {
            return 0;
        }
    }

    private static string SliceName(JsonObject service, int index)
    {
        // Stable per Service and group (FNV-1a of uid and index), like the controller's generated suffix but reproducible.
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var seed = 2166136261u;
        foreach (var c in JsonPaths.Uid(service) + "/" + index)
        {
            seed = (seed ^ c) * 16777619u;
        }

        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = alphabet[(int)(seed % (uint)alphabet.Length)];
            seed /= (uint)alphabet.Length;
        }

        return $"{JsonPaths.Name(service)}-{new string(suffix)}";
    }

    private static JsonObject Address(JsonObject pod) => new()
    {
        ["ip"] = (string?)pod["status"]!["podIP"],
        ["targetRef"] = TargetRef(pod),
    };

    private static JsonObject TargetRef(JsonObject pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = JsonPaths.Namespace(pod),
        ["name"] = JsonPaths.Name(pod),
        ["uid"] = JsonPaths.Uid(pod),
    };
}
