namespace RolloutWorkflows.Workflows.Model;

/// <summary>The parts of <c>metadata</c> the engine uses; server-managed fields are not kept.</summary>
public sealed record RolloutMetadata
{
    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
