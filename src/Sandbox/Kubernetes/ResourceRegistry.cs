namespace RolloutWorkflows.Sandbox.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>
/// The resources the server serves: the built-ins the rollout engine touches, optional legacy Ingress
/// versions, and custom resources registered at run time from CustomResourceDefinitions.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly Lock gate = new();
    private readonly List<ResourceType> types = [];

    public ResourceRegistry(bool legacyIngressApis)
    {
        // Namespaces and CRDs answer DELETE with a Status, which is what KubernetesClient's swagger expects.
        Add(new("", "v1", "namespaces", "Namespace", false) { HasStatus = true, ShortNames = ["ns"] });
        Add(new("", "v1", "pods", "Pod", true) { HasStatus = true, DeleteReturnsObject = true, ShortNames = ["po"] });
        Add(new("", "v1", "services", "Service", true) { HasStatus = true, DeleteReturnsObject = true, ShortNames = ["svc"] });
        Add(new("", "v1", "endpoints", "Endpoints", true) { ShortNames = ["ep"] });
        Add(new("", "v1", "events", "Event", true) { ShortNames = ["ev"] });
        Add(new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true));
        Add(new("apps", "v1", "replicasets", "ReplicaSet", true) { HasStatus = true, HasScale = true, ShortNames = ["rs"] });
        Add(new("networking.k8s.io", "v1", "ingresses", "Ingress", true) { HasStatus = true, ShortNames = ["ing"] });
        if (legacyIngressApis)
        {
            Add(new("networking.k8s.io", "v1beta1", "ingresses", "Ingress", true) { HasStatus = true, ShortNames = ["ing"] });
            Add(new("extensions", "v1beta1", "ingresses", "Ingress", true) { HasStatus = true, ShortNames = ["ing"] });
        }

        Add(new("elbv2.k8s.aws", "v1beta1", "targetgroupbindings", "TargetGroupBinding", true)
        {
            HasStatus = true,
            StrategicMerge = false,
            DeleteReturnsObject = true,
            Custom = true,
        });
        Add(new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false)
        {
            HasStatus = true,
            ShortNames = ["crd", "crds"],
        });
    }

    /// <summary>Raised after CRD registration changes the served resources.</summary>
    public event EventHandler? Changed;

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (gate)
            {
                return [.. types];
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (gate)
        {
            return types.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);
        }
    }

    /// <summary>Finds a type by apiVersion and kind, as written in manifests.</summary>
    public ResourceType? FindByKind(string apiVersion, string kind)
    {
        lock (gate)
        {
            return types.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
        }
    }

    /// <summary>Registers the served versions of a CustomResourceDefinition; returns them.</summary>
    public IReadOnlyList<ResourceType> RegisterCrd(JsonObject crd)
    {
        var registered = CrdTypes(crd);
        lock (gate)
        {
            foreach (var type in registered)
            {
                types.RemoveAll(t => t.Key == type.Key);
                types.Add(type);
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return registered;
    }

    public IReadOnlyList<ResourceType> UnregisterCrd(JsonObject crd)
    {
        var removed = CrdTypes(crd);
        lock (gate)
        {
            foreach (var type in removed)
            {
                types.RemoveAll(t => t.Key == type.Key);
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return removed;
    }

    /// <summary>The resource types a CRD defines, one per served version.</summary>
    public static IReadOnlyList<ResourceType> CrdTypes(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject
            ?? throw KubernetesApiExceptionFor(crd, "spec", "Required value: a CustomResourceDefinition needs spec");
        var group = (string?)spec["group"] ?? throw KubernetesApiExceptionFor(crd, "spec.group", "Required value");
        var names = spec["names"] as JsonObject ?? throw KubernetesApiExceptionFor(crd, "spec.names", "Required value");
        var plural = (string?)names["plural"] ?? throw KubernetesApiExceptionFor(crd, "spec.names.plural", "Required value");
        var kind = (string?)names["kind"] ?? throw KubernetesApiExceptionFor(crd, "spec.names.kind", "Required value");
        var namespaced = ((string?)spec["scope"] ?? "Namespaced") == "Namespaced";
        var shortNames = (names["shortNames"] as JsonArray)?.Select(n => (string?)n ?? "").Where(n => n.Length > 0).ToList() ?? [];
        var result = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.ToJsonString() == "false")
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject ?? spec["subresources"] as JsonObject;
            var scale = subresources?["scale"] as JsonObject;
            result.Add(new ResourceType(group, (string?)version["name"] ?? "v1", plural, kind, namespaced)
            {
                HasStatus = subresources?["status"] is not null,
                HasScale = scale is not null,
                StrategicMerge = false,
                DeleteReturnsObject = true,
                Custom = true,
                ShortNames = shortNames,
                Scale = scale is null ? ScalePaths.Default : new ScalePaths(
                    (string?)scale["specReplicasPath"] ?? ".spec.replicas",
                    (string?)scale["statusReplicasPath"] ?? ".status.replicas",
                    (string?)scale["labelSelectorPath"]),
            });
        }

        return result;
    }

    private void Add(ResourceType type) => types.Add(type);

    private static Api.KubernetesApiException KubernetesApiExceptionFor(JsonObject crd, string field, string message) =>
        new(422, "Invalid", $"CustomResourceDefinition.apiextensions.k8s.io \"{(string?)crd["metadata"]?["name"]}\" is invalid: {field}: {message}");
}
