namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>Argument of the <c>Abort</c> update.</summary>
public sealed record AbortRequest(string? Reason = null);
