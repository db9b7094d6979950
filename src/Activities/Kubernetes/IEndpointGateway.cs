namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Endpoints of Services, read from EndpointSlices (falling back to Endpoints).</summary>
public interface IEndpointGateway
{
    /// <summary>Ready and not-ready <c>ip:targetPort</c> of a Service port, with named target ports resolved.</summary>
    Task<ServiceEndpoints> GetEndpointsAsync(string @namespace, string serviceName, int servicePort, CancellationToken cancellationToken);

    /// <summary>The IPs of the live Pods of one revision (label <c>rollouts-pod-template-hash</c>), to tell its endpoints from stale ones.</summary>
    Task<IReadOnlySet<string>> GetRevisionPodIpsAsync(string @namespace, string podTemplateHash, CancellationToken cancellationToken);
}
