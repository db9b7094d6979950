namespace RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>Where a scalable kind keeps its replica counts and selector.</summary>
public sealed record ScalePaths(string SpecReplicas, string StatusReplicas, string? LabelSelector)
{
    public static ScalePaths Default { get; } = new(".spec.replicas", ".status.replicas", null);
}
