namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using k8s;

/// <summary>Reads one <see cref="LbcSnapshot"/> from any Kubernetes API server.</summary>
public static class LbcKubernetesReader
{
    /// <summary>Lists Ingresses, Services and EndpointSlices of all namespaces, and Pods and Namespaces when <paramref name="withPods"/>.</summary>
    public static async Task<LbcSnapshot> ReadAsync(IKubernetes kubernetes, CancellationToken cancellationToken, bool withPods = false)
    {
        var ingresses = await kubernetes.NetworkingV1.ListIngressForAllNamespacesAsync(cancellationToken: cancellationToken);
        var services = await kubernetes.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken);
        var slices = await kubernetes.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(cancellationToken: cancellationToken);
        var snapshot = new LbcSnapshot([.. ingresses.Items], [.. services.Items], [.. slices.Items]);
        if (!withPods)
        {
            return snapshot;
        }

        var pods = await kubernetes.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken);
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken);
        return snapshot with { Pods = [.. pods.Items], Namespaces = [.. namespaces.Items] };
    }
}
