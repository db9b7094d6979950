namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.History.V1;

/// <summary>An event held back while a workflow task runs; activity results point at the started event just before them.</summary>
internal sealed record BufferedEvent(HistoryEvent Event, bool LinkToPreviousStarted);
