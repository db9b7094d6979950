namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Ingresses whose ALB action annotations rollouts manage.</summary>
public interface IIngressGateway
{
    /// <summary>Reads an Ingress; throws <see cref="KubernetesObjectNotFoundException"/> when it does not exist.</summary>
    Task<IngressSnapshot> GetIngressAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Read-compare-patch of annotations. <paramref name="desiredAnnotations"/> receives the current Ingress and
    /// returns the annotations it wants (a null value removes the key); only differences are sent, as a JSON
    /// merge patch guarded by the read <c>resourceVersion</c>, and a 409 Conflict re-reads and recomputes.
    /// </summary>
    Task<IngressPatchResult> PatchAnnotationsAsync(
        string @namespace,
        string name,
        Func<IngressSnapshot, IReadOnlyDictionary<string, string?>> desiredAnnotations,
        CancellationToken cancellationToken);
}
