namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using k8s.Models;

/// <summary>What the controller reads from Kubernetes in one pass.</summary>
/// <param name="Ingresses">networking.k8s.io/v1 Ingresses of all namespaces.</param>
/// <param name="Services">Services of all namespaces.</param>
/// <param name="EndpointSlices">discovery.k8s.io/v1 EndpointSlices of all namespaces.</param>
public sealed record LbcSnapshot(IReadOnlyList<V1Ingress> Ingresses, IReadOnlyList<V1Service> Services, IReadOnlyList<V1EndpointSlice> EndpointSlices)
{
    /// <summary>Gets the Pods of all namespaces; read only when readiness gates are simulated.</summary>
    public IReadOnlyList<V1Pod> Pods { get; init; } = [];

    /// <summary>Gets the Namespaces; read only when readiness gates are simulated.</summary>
    public IReadOnlyList<V1Namespace> Namespaces { get; init; } = [];
}
