namespace RolloutWorkflows.Workflows.Contracts;

/// <summary><c>canary.trafficRouting.alb</c> as the workflow runs it.</summary>
public sealed record AlbSpec
{
    /// <summary>The AWS Load Balancer Controller's annotation prefix when none is configured.</summary>
    public const string DefaultAnnotationPrefix = "alb.ingress.kubernetes.io";

    /// <summary>The ingresses to write, in order (<c>ingresses</c>, or <c>[ingress]</c>).</summary>
    public IReadOnlyList<string> Ingresses { get; init; } = [];

    /// <summary>The Service port written into the action and used to find target groups.</summary>
    public int ServicePort { get; init; }

    public string? RootService { get; init; }

    public string AnnotationPrefix { get; init; } = DefaultAnnotationPrefix;

    /// <summary>Target group stickiness, or null when disabled.</summary>
    public StickinessSpec? Stickiness { get; init; }
}
