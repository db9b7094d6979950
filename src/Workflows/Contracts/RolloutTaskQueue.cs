namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>The default Temporal task queue the rollout worker polls.</summary>
public static class RolloutTaskQueue
{
    /// <summary>Default task queue name; overridable by configuration.</summary>
    public const string Name = "rollouts";
}
