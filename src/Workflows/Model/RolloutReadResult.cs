namespace RolloutWorkflows.Workflows.Model;

using RolloutWorkflows.Workflows.Validation;

/// <summary>The model read from a Rollout document and the problems found while reading it.</summary>
public sealed record RolloutReadResult(Rollout Rollout, IReadOnlyList<ValidationProblem> Problems);
