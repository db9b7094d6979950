namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>The ALB action of one rollout on one ingress.</summary>
/// <param name="ActionService">rootService or stableService: the annotation is <c>&lt;prefix&gt;/actions.&lt;ActionService&gt;</c>.</param>
/// <param name="StickinessSeconds">Target group stickiness duration, or null when disabled.</param>
public sealed record AlbAction(
    string Namespace,
    string RolloutName,
    string Ingress,
    string AnnotationPrefix,
    string ActionService,
    string CanaryService,
    string StableService,
    int ServicePort,
    int? StickinessSeconds);
