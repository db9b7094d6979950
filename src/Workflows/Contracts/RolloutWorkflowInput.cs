namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The input of the rollout workflow: who it is, optionally a first revision (when started directly
/// rather than with signal-with-start) and the state carried over by continue-as-new.
/// </summary>
public sealed record RolloutWorkflowInput(string Namespace, string Name)
{
    public RolloutRevision? Revision { get; init; }

    public RolloutState? State { get; init; }
}
