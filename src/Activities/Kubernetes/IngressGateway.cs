namespace RolloutWorkflows.Activities.Kubernetes;

using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

/// <summary>
/// Ingresses over KubernetesClient: <c>networking.k8s.io/v1</c> through the typed API, legacy versions
/// through the generic custom-object API (KubernetesClient 21 has no v1beta1 Ingress model).
/// </summary>
[KubernetesAccess("networking.k8s.io", "ingresses", "get", "patch")]
[KubernetesAccess("extensions", "ingresses", "get", "patch")]
public sealed class IngressGateway : IIngressGateway
{
    private const string V1 = "networking.k8s.io/v1";

    private readonly IKubernetes client;
    private readonly KubernetesOptions options;

    public IngressGateway(IKubernetes client, KubernetesOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /// <inheritdoc/>
    public async Task<IngressSnapshot> GetIngressAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var json = options.IngressApiVersion == V1
                ? await ReadV1Async(@namespace, name, cancellationToken)
                : await ReadLegacyAsync(@namespace, name, cancellationToken);
            var resourceVersion = json["metadata"]?["resourceVersion"]?.GetValue<string>();
            return new IngressSnapshot(@namespace, name, options.IngressApiVersion, resourceVersion, json);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsNotFound(e))
        {
            throw new KubernetesObjectNotFoundException("Ingress", @namespace, name, e);
        }
    }

    /// <inheritdoc/>
    public async Task<IngressPatchResult> PatchAnnotationsAsync(
        string @namespace,
        string name,
        Func<IngressSnapshot, IReadOnlyDictionary<string, string?>> desiredAnnotations,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await GetIngressAsync(@namespace, name, cancellationToken);
            var changes = Differences(snapshot.Annotations, desiredAnnotations(snapshot));
            if (changes.Count == 0)
            {
                return new IngressPatchResult(false, null, attempt);
            }

            // The resourceVersion makes the merge patch conditional: a concurrent writer gives 409, not a lost update.
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = snapshot.ResourceVersion,
                    ["annotations"] = changes,
                },
            }.ToJsonString();
            try
            {
                await SendPatchAsync(@namespace, name, patch, cancellationToken);
                return new IngressPatchResult(true, patch, attempt);
            }
            catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsConflict(e) && attempt <= options.ConflictRetries)
            {
                // Someone else wrote the Ingress (often the LBC updating status): read again and recompute.
            }
        }
    }

    private static JsonObject Differences(
        IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> desired)
    {
        var changes = new JsonObject();
        foreach (var (key, value) in desired.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var has = current.TryGetValue(key, out var existing);
            if (value is null && has)
            {
                changes[key] = null;
            }
            else if (value is not null && (!has || existing != value))
            {
                changes[key] = value;
            }
        }

        return changes;
    }

    private async Task<JsonObject> ReadV1Async(string @namespace, string name, CancellationToken cancellationToken)
    {
        var ingress = await client.NetworkingV1.ReadNamespacedIngressAsync(name, @namespace, cancellationToken: cancellationToken);
        ingress.ApiVersion ??= V1;
        ingress.Kind ??= "Ingress";
        return (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(ingress))!;
    }

    private async Task<JsonObject> ReadLegacyAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var (group, version) = ApiVersions.Split(options.IngressApiVersion);
        var result = await client.CustomObjects.GetNamespacedCustomObjectAsync(
            group, version, @namespace, "ingresses", name, cancellationToken: cancellationToken);
        var text = result is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(result);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private async Task SendPatchAsync(string @namespace, string name, string patch, CancellationToken cancellationToken)
    {
        var body = new V1Patch(patch, V1Patch.PatchType.MergePatch);
        if (options.IngressApiVersion == V1)
        {
            await client.NetworkingV1.PatchNamespacedIngressAsync(body, name, @namespace, cancellationToken: cancellationToken);
            return;
        }

        var (group, version) = ApiVersions.Split(options.IngressApiVersion);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            body, group, version, @namespace, "ingresses", name, cancellationToken: cancellationToken);
    }
}
