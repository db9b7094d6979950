namespace RolloutWorkflows.Activities.Alb;

/// <summary>
/// Which ingress classes the cluster's AWS Load Balancer Controller serves (configuration <c>Rollouts:AlbIngressClasses</c>,
/// worker flag <c>--alb-ingress-class</c>, Argo's <c>--alb-ingress-classes</c>). An action annotation on an Ingress of
/// another class is never read by the LBC, so the worker refuses to write one.
/// </summary>
public sealed class AlbIngressClassOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Rollouts";

    /// <summary>The configured classes; <c>''</c> accepts ingresses without a class. Empty means <c>alb</c>.</summary>
    public IList<string> AlbIngressClasses { get; } = [];

    /// <summary>The classes in effect.</summary>
    public IReadOnlyCollection<string> Effective => AlbIngressClasses.Count > 0 ? [.. AlbIngressClasses] : IngressChecks.DefaultAlbClasses;
}
