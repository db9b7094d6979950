namespace RolloutWorkflows.Activities.Kubernetes;

using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

/// <summary>Services over KubernetesClient: read, and idempotent selector switches by merge patch.</summary>
[KubernetesAccess("", "services", "get", "patch")]
public sealed class ServiceGateway : IServiceGateway
{
    private readonly IKubernetes client;

    public ServiceGateway(IKubernetes client)
    {
        this.client = client;
    }

    /// <inheritdoc/>
    public async Task<ServiceInfo> GetServiceAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        V1Service service;
        try
        {
            service = await client.CoreV1.ReadNamespacedServiceAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsNotFound(e))
        {
            throw new KubernetesObjectNotFoundException("Service", @namespace, name, e);
        }

        var ports = (service.Spec?.Ports ?? [])
            .Select(p => new ServicePortInfo(p.Name, p.Port, TargetPortText(p)))
            .ToList();
        string? managedBy = null;
        service.Metadata.Annotations?.TryGetValue(ReplicaSetNames.ManagedByAnnotation, out managedBy);
        return new ServiceInfo(
            @namespace,
            name,
            new Dictionary<string, string>(service.Spec?.Selector ?? new Dictionary<string, string>()),
            ports,
            managedBy);
    }

    /// <inheritdoc/>
    public async Task<bool> SwitchSelectorAsync(
        string @namespace, string name, string podTemplateHash, string rolloutName, CancellationToken cancellationToken)
    {
        var current = await GetServiceAsync(@namespace, name, cancellationToken);
        if (current.SelectedPodTemplateHash == podTemplateHash && current.ManagedBy == rolloutName)
        {
            return false;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject { [ReplicaSetNames.ManagedByAnnotation] = rolloutName },
            },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { [ReplicaSetNames.PodTemplateHashLabel] = podTemplateHash },
            },
        };
        await client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: cancellationToken);
        return true;
    }

    private static string TargetPortText(V1ServicePort port)
    {
        var target = port.TargetPort?.Value;
        return string.IsNullOrEmpty(target) ? port.Port.ToString(CultureInfo.InvariantCulture) : target;
    }
}
