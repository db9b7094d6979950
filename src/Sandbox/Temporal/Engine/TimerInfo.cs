namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>A started workflow timer and its pending firing.</summary>
internal sealed record TimerInfo(string TimerId, long StartedEventId, ScheduledCallback Firing);
