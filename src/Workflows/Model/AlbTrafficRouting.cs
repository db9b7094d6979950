namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy.canary.trafficRouting.alb</c> (reference section F1).</summary>
public sealed record AlbTrafficRouting
{
    /// <summary>The AWS Load Balancer Controller's annotation prefix when none is configured.</summary>
    public const string DefaultAnnotationPrefix = "alb.ingress.kubernetes.io";

    public string? Ingress { get; init; }

    public IReadOnlyList<string>? Ingresses { get; init; }

    public string? RootService { get; init; }

    /// <summary>The port the Services listen on, written as a string into the action annotation.</summary>
    public int ServicePort { get; init; }

    public string? AnnotationPrefix { get; init; }

    public StickinessConfig? StickinessConfig { get; init; }

    /// <summary>The ingresses to patch, in order: <c>ingresses</c> if set, else <c>[ingress]</c> (B1).</summary>
    public IReadOnlyList<string> GetIngressNames()
    {
        if (Ingresses is not null)
        {
            return Ingresses;
        }

        return string.IsNullOrEmpty(Ingress) ? [] : [Ingress];
    }

    /// <summary><c>annotationPrefix</c>, or <c>alb.ingress.kubernetes.io</c> when empty.</summary>
    public string EffectiveAnnotationPrefix() =>
        string.IsNullOrEmpty(AnnotationPrefix) ? DefaultAnnotationPrefix : AnnotationPrefix;
}
