namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>Where the run's workflow task is in its life.</summary>
internal enum WorkflowTaskState
{
    None,
    Scheduled,
    Started,
}
