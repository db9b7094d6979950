namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>One line of the rollout's recent history.</summary>
public sealed record RolloutEvent(DateTime At, string Text);
