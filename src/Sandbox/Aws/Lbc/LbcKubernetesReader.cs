namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using k8s;

/// <summary>Reads one <see cref="LbcSnapshot"/> from any Kubernetes API server.</summary>
public static class LbcKubernetesReader
{
    /// <summary>Lists Ingresses, Services and EndpointSlices of all namespaces.</summary>
    public static async Task<LbcSnapshot> ReadAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        var ingresses = await kubernetes.NetworkingV1.ListIngressForAllNamespacesAsync(cancellationToken: cancellationToken);
        var services = await kubernetes.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken);
        var slices = await kubernetes.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(cancellationToken: cancellationToken);
        return new LbcSnapshot([.. ingresses.Items], [.. services.Items], [.. slices.Items]);
    }
}
