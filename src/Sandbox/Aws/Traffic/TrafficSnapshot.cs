namespace RolloutWorkflows.Sandbox.Aws.Traffic;

using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>The Pods and Services the traffic simulator checks targets against.</summary>
/// <param name="Pods">Pods of all namespaces.</param>
/// <param name="Services">Services of all namespaces.</param>
public sealed record TrafficSnapshot(IReadOnlyList<V1Pod> Pods, IReadOnlyList<V1Service> Services)
{
    /// <summary>The pod label naming a revision.</summary>
    public const string RevisionLabel = "rollouts-pod-template-hash";

    /// <summary>Gets an empty snapshot.</summary>
    public static TrafficSnapshot Empty { get; } = new([], []);

    /// <summary>
    /// Finds the live, ready Pod with this IP that the Service selects (any Pod when the Service is unknown).
    /// Returns null when there is none: the request would hit a dead or unready target.
    /// </summary>
    public V1Pod? LiveReadyPod(string ip, string? serviceNamespace, string? serviceName)
    {
        var service = serviceName is null ? null : Services.FirstOrDefault(s => s.Metadata?.NamespaceProperty == serviceNamespace && s.Metadata?.Name == serviceName);
        if (serviceName is not null && service is null)
        {
            return null;
        }

        return Pods.FirstOrDefault(p =>
            p.Status?.PodIP == ip
            && p.Metadata?.DeletionTimestamp is null
            && p.Status.Phase == "Running"
            && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true
            && (service is null || (p.Metadata?.NamespaceProperty == serviceNamespace && Selects(service, p))));
    }

    /// <summary>Gets the revision of a Pod (its `rollouts-pod-template-hash`), or "unknown".</summary>
    public static string RevisionOf(V1Pod pod) => K8sMaps.Value(pod.Metadata?.Labels, RevisionLabel) ?? "unknown";

    private static bool Selects(V1Service service, V1Pod pod)
    {
        var selector = service.Spec?.Selector;
        return selector is { Count: > 0 } && selector.All(s => K8sMaps.Value(pod.Metadata?.Labels, s.Key) == s.Value);
    }
}
