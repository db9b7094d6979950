namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>One attempt of an activity waiting for a poller.</summary>
internal sealed record ActivityTaskItem(WorkflowRun Run, long ScheduledEventId, int Attempt);
