namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>TargetGroupBindings of the AWS Load Balancer Controller (or EKS Auto Mode).</summary>
public interface ITargetGroupBindingGateway
{
    /// <summary>Bindings in the namespace whose <c>serviceRef.name</c> is the Service; empty when the API is not served.</summary>
    Task<IReadOnlyList<TargetGroupBindingInfo>> ListForServiceAsync(string @namespace, string serviceName, CancellationToken cancellationToken);
}
