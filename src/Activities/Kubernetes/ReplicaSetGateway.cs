namespace RolloutWorkflows.Activities.Kubernetes;

using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

/// <summary>ReplicaSets over KubernetesClient: create-if-missing, read-compare-patch scaling, availability.</summary>
[KubernetesAccess("apps", "replicasets", "get", "create", "patch")]
public sealed class ReplicaSetGateway : IReplicaSetGateway
{
    private readonly IKubernetes client;

    public ReplicaSetGateway(IKubernetes client)
    {
        this.client = client;
    }

    /// <inheritdoc/>
    public async Task<bool> EnsureReplicaSetAsync(ReplicaSetTemplate template, CancellationToken cancellationToken)
    {
        var existing = await TryReadAsync(template.Namespace, template.ReplicaSetName, cancellationToken);
        if (existing is not null)
        {
            return false;
        }

        try
        {
            await client.AppsV1.CreateNamespacedReplicaSetAsync(
                Build(template), template.Namespace, cancellationToken: cancellationToken);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsAlreadyExists(e))
        {
            // Another attempt of this activity created it first: the desired state holds.
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<bool> ScaleReplicaSetAsync(string @namespace, string name, int replicas, CancellationToken cancellationToken)
    {
        var current = await TryReadAsync(@namespace, name, cancellationToken)
            ?? throw new KubernetesObjectNotFoundException("ReplicaSet", @namespace, name);
        if (current.Spec?.Replicas == replicas)
        {
            return false;
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        await client.AppsV1.PatchNamespacedReplicaSetAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: cancellationToken);
        return true;
    }

    /// <inheritdoc/>
    public async Task<ReplicaSetAvailability> GetAvailabilityAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var rs = await TryReadAsync(@namespace, name, cancellationToken);
        if (rs is null)
        {
            return new ReplicaSetAvailability(@namespace, name, false, 0, 0, 0, 0, 0, 0);
        }

        return new ReplicaSetAvailability(
            @namespace,
            name,
            true,
            rs.Spec?.Replicas ?? 1,
            rs.Status?.Replicas ?? 0,
            rs.Status?.ReadyReplicas ?? 0,
            rs.Status?.AvailableReplicas ?? 0,
            rs.Metadata.Generation ?? 0,
            rs.Status?.ObservedGeneration ?? 0);
    }

    private static V1ReplicaSet Build(ReplicaSetTemplate template)
    {
        var podTemplate = KubernetesJson.Deserialize<V1PodTemplateSpec>(template.PodTemplate.ToJsonString());
        podTemplate.Metadata ??= new V1ObjectMeta();
        podTemplate.Metadata.Labels = WithHash(podTemplate.Metadata.Labels, template.PodTemplateHash);

        var selector = WithHash(template.SelectorMatchLabels, template.PodTemplateHash);
        return new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new V1ObjectMeta
            {
                Name = template.ReplicaSetName,
                NamespaceProperty = template.Namespace,
                Labels = WithHash(podTemplate.Metadata.Labels, template.PodTemplateHash),
                Annotations = new Dictionary<string, string>
                {
                    [ReplicaSetNames.RevisionAnnotation] = template.Revision.ToString(CultureInfo.InvariantCulture),
                },
            },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = template.Replicas,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = podTemplate,
            },
        };
    }

    private static Dictionary<string, string> WithHash(IEnumerable<KeyValuePair<string, string>>? labels, string hash)
    {
        var result = labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels);
        result[ReplicaSetNames.PodTemplateHashLabel] = hash;
        return result;
    }

    private async Task<V1ReplicaSet?> TryReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.AppsV1.ReadNamespacedReplicaSetAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }
}
