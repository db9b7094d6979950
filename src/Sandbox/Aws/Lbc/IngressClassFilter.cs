namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using k8s.Models;

/// <summary>Decides whether an Ingress belongs to the controller: the legacy annotation wins over spec.ingressClassName.</summary>
public static class IngressClassFilter
{
    /// <summary>The legacy class annotation.</summary>
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>Gets the class of an Ingress, or "" when it has none.</summary>
    public static string ClassOf(V1Ingress ingress) =>
        K8sMaps.Value(ingress.Metadata?.Annotations, ClassAnnotation) ?? ingress.Spec?.IngressClassName ?? "";

    /// <summary>Tells whether the Ingress is served by a controller configured with these classes.</summary>
    public static bool IsServed(V1Ingress ingress, IEnumerable<string> classes) => classes.Contains(ClassOf(ingress), StringComparer.Ordinal);
}
