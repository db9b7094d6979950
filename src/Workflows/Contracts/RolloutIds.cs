namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>Identity of rollout workflows: one workflow per rollout.</summary>
public static class RolloutIds
{
    /// <summary>The workflow id <c>rollout/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public static string WorkflowId(string @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return $"rollout/{@namespace}/{name}";
    }
}
