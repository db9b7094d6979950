namespace RolloutWorkflows.Workflows.Model;

using RolloutWorkflows.Workflows.Validation;

/// <summary>The documents of a manifest file and the problems met while reading it.</summary>
public sealed record ManifestParseResult(IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<ValidationProblem> Problems);
