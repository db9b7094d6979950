namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The apiserver's write and read semantics over the store: create (generateName, uid, timestamps,
/// generation, AlreadyExists), get, update (optimistic concurrency, status isolation, generation only on
/// spec changes, no-op writes keep the resourceVersion), patch, and the status and scale subresources.
/// Every method takes the store lock, so each call is one atomic step.
/// </summary>
public sealed partial class ApiOperations
{
    private static string NameAlphabet => "bcdfghjklmnpqrstvwxz2456789";

    private readonly Defaulting defaulting = new();
    private readonly Random random;

    public ApiOperations(ResourceStore store, ResourceRegistry registry, TimeProvider time, int? seed, bool requireNamespaces)
    {
        Store = store;
        Registry = registry;
        Time = time;
        random = seed is null ? new Random() : new Random(seed.Value);
        RequireNamespaces = requireNamespaces;
        Deletes = new DeleteOperation(this);
    }

    public ResourceStore Store { get; }

    public ResourceRegistry Registry { get; }

    public TimeProvider Time { get; }

    public bool RequireNamespaces { get; }

    public DeleteOperation Deletes { get; }

    /// <summary>Gets the mutating admission hooks run on every create.</summary>
    public MutatingAdmission Admission { get; } = new();

    public ResourceType NamespaceType => Registry.Find("", "v1", "namespaces")!;

    public JsonObject Create(ResourceType type, string? ns, JsonObject body)
    {
        lock (Store.Gate)
        {
            var obj = (JsonObject)body.DeepClone();
            CheckTypeMeta(type, obj);
            var metadata = JsonPaths.Metadata(obj);
            var bodyNs = (string?)metadata["namespace"];
            if (type.Namespaced)
            {
                if (bodyNs is not null && ns is not null && bodyNs != ns)
                {
                    throw KubernetesApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
                }

                ns ??= bodyNs ?? throw KubernetesApiException.BadRequest($"a namespace is required to create {type.QualifiedPlural}: use /namespaces/{{namespace}}/{type.Plural} or set metadata.namespace");
                metadata["namespace"] = ns;
                EnsureNamespace(ns);
            }
            else
            {
                metadata.Remove("namespace");
            }

            var name = (string?)metadata["name"];
            if (string.IsNullOrEmpty(name))
            {
                var prefix = (string?)metadata["generateName"];
                if (string.IsNullOrEmpty(prefix))
                {
                    throw KubernetesApiException.Invalid(type, "", "metadata.name", "Required value: name or generateName is required");
                }

                do
                {
                    name = prefix + new string([.. Enumerable.Range(0, 5).Select(_ => NameAlphabet[random.Next(NameAlphabet.Length)])]);
                }
                while (Store.Read(type, ns, name) is not null);
                metadata["name"] = name;
            }

            CheckName(type, name);
            if (Store.Read(type, ns, name) is not null)
            {
                throw KubernetesApiException.AlreadyExists(type, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = JsonPaths.Timestamp(Time.GetUtcNow());
            // Kinds with a spec track generation; data-only kinds (Endpoints, EndpointSlice, Event) do not.
            if (obj["spec"] is not null || type.Custom)
            {
                metadata["generation"] = 1;
            }
            else
            {
                metadata.Remove("generation");
            }

            metadata.Remove("resourceVersion");
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata.Remove("managedFields");
            if (type.HasStatus)
            {
                obj.Remove("status");
            }

            defaulting.OnCreate(type, obj);
            Admission.OnCreate(type, obj);
            if (type.Kind == "CustomResourceDefinition" && type.Group == "apiextensions.k8s.io")
            {
                CrdLifecycle.OnCreate(Registry, obj);
            }

            return (JsonObject)Store.Commit(type, null, obj).DeepClone();
        }
    }

    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (Store.Gate)
        {
            return (JsonObject)Find(type, ns, name).DeepClone();
        }
    }

    /// <summary>PUT: replaces the object (or only its status when subresource is "status").</summary>
    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject body, string? subresource)
    {
        lock (Store.Gate)
        {
            var current = Find(type, ns, name);
            var candidate = (JsonObject)body.DeepClone();
            CheckTypeMeta(type, candidate);
            var bodyName = JsonPaths.Name(candidate);
            if (bodyName is not null && bodyName != name)
            {
                throw KubernetesApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            var bodyNs = JsonPaths.Namespace(candidate);
            if (type.Namespaced && bodyNs is not null && bodyNs != ns)
            {
                throw KubernetesApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            if (string.IsNullOrEmpty(JsonPaths.ResourceVersion(candidate)) && type.Custom)
            {
                throw KubernetesApiException.Invalid(type, name, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update");
            }

            return Write(type, current, candidate, subresource);
        }
    }

    /// <summary>PATCH of the object or its status, by content type.</summary>
    public JsonObject Patch(ResourceType type, string? ns, string name, string? contentType, string body, string? subresource)
    {
        lock (Store.Gate)
        {
            var current = Find(type, ns, name);
            var patched = PatchBody.Apply(type, name, current, contentType, body);
            return Write(type, current, patched, subresource);
        }
    }

    /// <summary>Atomically changes an object in code (controllers, external writers); returns null when gone.</summary>
    public JsonObject? Mutate(ResourceType type, string? ns, string name, Func<JsonObject, bool> change, string? subresource = null)
    {
        lock (Store.Gate)
        {
            var current = Store.Read(type, ns, name);
            if (current is null)
            {
                return null;
            }

            var candidate = (JsonObject)current.DeepClone();
            return change(candidate) ? Write(type, current, candidate, subresource) : (JsonObject)current.DeepClone();
        }
    }

    /// <summary>Validates and commits a new version of an existing object; the heart of PUT and PATCH.</summary>
    public JsonObject Write(ResourceType type, JsonObject current, JsonObject candidate, string? subresource)
    {
        var name = JsonPaths.Name(current)!;
        var sentVersion = JsonPaths.ResourceVersion(candidate);
        if (!string.IsNullOrEmpty(sentVersion) && sentVersion != JsonPaths.ResourceVersion(current))
        {
            throw KubernetesApiException.StaleResourceVersion(type, name);
        }

        var next = Merge(type, current, candidate, subresource);
        if (JsonNode.DeepEquals(next, current))
        {
            return (JsonObject)current.DeepClone();
        }

        if (JsonPaths.IsDeleting(current) && (JsonPaths.Finalizers(next)?.Count ?? 0) == 0)
        {
            return Deletes.RemoveNow(type, next);
        }

        return (JsonObject)Store.Commit(type, current, next).DeepClone();
    }

    public JsonObject Find(ResourceType type, string? ns, string name) =>
        Store.Read(type, type.Namespaced ? ns : null, name) ?? throw KubernetesApiException.NotFound(type, name);

    /// <summary>Builds the next stored version: immutable metadata kept, status isolated, generation bumped.</summary>
    private static JsonObject Merge(ResourceType type, JsonObject current, JsonObject candidate, string? subresource)
    {
        JsonObject next;
        if (subresource == "status")
        {
            next = (JsonObject)current.DeepClone();
            next["status"] = candidate["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }

            return next;
        }

        next = candidate;
        next["kind"] = type.Kind;
        next["apiVersion"] = type.ApiVersion;
        if (type.HasStatus)
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }

        var was = (JsonObject)current["metadata"]!;
        var metadata = JsonPaths.Metadata(next);
        foreach (var key in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion" })
        {
            metadata[key] = was[key]?.DeepClone();
            if (metadata[key] is null)
            {
                metadata.Remove(key);
            }
        }

        metadata.Remove("managedFields");
        if (was["generation"] is not null && JsonPaths.SpecChanged(current, next))
        {
            metadata["generation"] = (JsonPaths.AsLong(was["generation"]) ?? 1) + 1;
        }

        return next;
    }

    private void EnsureNamespace(string ns)
    {
        var nsType = NamespaceType;
        var existing = Store.Read(nsType, null, ns);
        if (existing is not null)
        {
            if (JsonPaths.IsDeleting(existing))
            {
                throw new KubernetesApiException(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated");
            }

            return;
        }

        if (RequireNamespaces)
        {
            throw KubernetesApiException.NotFound(nsType, ns);
        }

        // Convenience of the sandbox (documented): a missing namespace is created on first use.
        Create(nsType, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        if (apiVersion is not null && apiVersion != type.ApiVersion)
        {
            throw KubernetesApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (kind is not null && kind != type.Kind)
        {
            throw KubernetesApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        obj["kind"] = type.Kind;
        obj["apiVersion"] = type.ApiVersion;
    }

    private static void CheckName(ResourceType type, string name)
    {
        if (name.Length > 253 || !NamePattern().IsMatch(name))
        {
            throw KubernetesApiException.Invalid(type, name, "metadata.name",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
