namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="PreviousHash">The hash selected before the call (null when none).</param>
public sealed record SwitchServiceSelectorResult(string Service, bool Changed, string? PreviousHash);
