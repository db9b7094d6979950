namespace RolloutWorkflows.Activities.Alb;

/// <summary>An Ingress as the annotation planner sees it: its name and current annotations (null means none).</summary>
public sealed record IngressAnnotations(string Name, IReadOnlyDictionary<string, string>? Annotations);
