namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Services whose selectors rollouts manage.</summary>
public interface IServiceGateway
{
    /// <summary>Reads a Service; throws <see cref="KubernetesObjectNotFoundException"/> when it does not exist.</summary>
    Task<ServiceInfo> GetServiceAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Points <c>spec.selector[rollouts-pod-template-hash]</c> at a revision and marks the Service as managed
    /// by the rollout; returns true when anything changed.
    /// </summary>
    Task<bool> SwitchSelectorAsync(string @namespace, string name, string podTemplateHash, string rolloutName, CancellationToken cancellationToken);
}
