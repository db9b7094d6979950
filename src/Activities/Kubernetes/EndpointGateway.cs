namespace RolloutWorkflows.Activities.Kubernetes;

using System.Globalization;
using k8s;
using k8s.Models;

/// <summary>
/// Endpoints over KubernetesClient. EndpointSlices are the source of truth (Endpoints are deprecated and
/// truncated at 1000 addresses); a cluster without slices for the Service falls back to Endpoints.
/// </summary>
[KubernetesAccess("", "services", "get")]
[KubernetesAccess("", "endpoints", "get")]
[KubernetesAccess("discovery.k8s.io", "endpointslices", "list")]
[KubernetesAccess("", "pods", "list")]
public sealed class EndpointGateway : IEndpointGateway
{
    private readonly IKubernetes client;
    private readonly IServiceGateway services;

    public EndpointGateway(IKubernetes client, IServiceGateway services)
    {
        this.client = client;
        this.services = services;
    }

    /// <inheritdoc/>
    public async Task<ServiceEndpoints> GetEndpointsAsync(
        string @namespace, string serviceName, int servicePort, CancellationToken cancellationToken)
    {
        var service = await services.GetServiceAsync(@namespace, serviceName, cancellationToken);
        var port = service.Ports.FirstOrDefault(p => p.Port == servicePort)
            ?? throw new InvalidOperationException(
                $"Service {@namespace}/{serviceName} has no port {servicePort}: fix servicePort in the Rollout or the Service's ports");

        var slices = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync(
            @namespace, labelSelector: $"kubernetes.io/service-name={serviceName}", cancellationToken: cancellationToken);
        if (slices.Items.Count > 0)
        {
            return FromSlices(@namespace, serviceName, port, slices.Items);
        }

        return await FromEndpointsAsync(@namespace, serviceName, port, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> GetRevisionPodIpsAsync(string @namespace, string podTemplateHash, CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(
            @namespace, labelSelector: $"{ReplicaSetNames.PodTemplateHashLabel}={podTemplateHash}", cancellationToken: cancellationToken);
        return pods.Items
            .Where(p => p.Metadata?.DeletionTimestamp is null && !string.IsNullOrEmpty(p.Status?.PodIP))
            .Select(p => p.Status.PodIP)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static ServiceEndpoints FromSlices(
        string @namespace, string serviceName, ServicePortInfo port, IEnumerable<V1EndpointSlice> slices)
    {
        var ready = new SortedSet<string>(StringComparer.Ordinal);
        var notReady = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            // Slice ports carry the Service port's name and the resolved container port.
            var slicePort = slice.Ports?.FirstOrDefault(p => NamesMatch(p.Name, port.Name));
            var number = slicePort?.Port ?? NumericTarget(port);
            if (number is null)
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints ?? [])
            {
                var target = endpoint.Conditions?.Ready == false ? notReady : ready;
                foreach (var address in endpoint.Addresses ?? [])
                {
                    target.Add(Format(address, number.Value));
                }
            }
        }

        return new ServiceEndpoints(@namespace, serviceName, port.Port, [.. ready], [.. notReady], "EndpointSlice");
    }

    private async Task<ServiceEndpoints> FromEndpointsAsync(
        string @namespace, string serviceName, ServicePortInfo port, CancellationToken cancellationToken)
    {
        V1Endpoints endpoints;
        try
        {
            endpoints = await client.CoreV1.ReadNamespacedEndpointsAsync(serviceName, @namespace, cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubernetesErrors.IsNotFound(e))
        {
            return new ServiceEndpoints(@namespace, serviceName, port.Port, [], [], "none");
        }

        var ready = new SortedSet<string>(StringComparer.Ordinal);
        var notReady = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var subset in endpoints.Subsets ?? [])
        {
            var subsetPort = subset.Ports?.FirstOrDefault(p => NamesMatch(p.Name, port.Name));
            var number = subsetPort?.Port ?? NumericTarget(port);
            if (number is null)
            {
                continue;
            }

            foreach (var address in subset.Addresses ?? [])
            {
                ready.Add(Format(address.Ip, number.Value));
            }

            foreach (var address in subset.NotReadyAddresses ?? [])
            {
                notReady.Add(Format(address.Ip, number.Value));
            }
        }

        return new ServiceEndpoints(@namespace, serviceName, port.Port, [.. ready], [.. notReady], "Endpoints");
    }

    private static bool NamesMatch(string? a, string? b) => string.IsNullOrEmpty(a) ? string.IsNullOrEmpty(b) : a == b;

    private static int? NumericTarget(ServicePortInfo port) =>
        int.TryParse(port.TargetPort, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Format(string ip, int port) => $"{ip}:{port.ToString(CultureInfo.InvariantCulture)}";
}
