namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>A workflow task (or a legacy query task when <paramref name="Query"/> is set) for one run.</summary>
internal sealed record WorkflowTaskItem(WorkflowRun Run, long ScheduledEventId, QueryInfo? Query);
