namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>Argument of the <c>Promote</c> update.</summary>
/// <param name="Full">Skip every remaining step and promote (still verified).</param>
public sealed record PromoteRequest(bool Full = false);
