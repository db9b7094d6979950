namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The validated parts of a Rollout the workflow needs at run time. It is a workflow input, so it is
/// small, immutable and System.Text.Json friendly; it is mapped from the parsed manifest by
/// <c>RolloutSpecMapper</c> and never parsed again inside the workflow.
/// </summary>
public sealed record RolloutSpec
{
    /// <summary>The rollout's namespace.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The rollout's name.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>spec.replicas</c>.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary><c>spec.selector.matchLabels</c>; copied onto ReplicaSets.</summary>
    public IReadOnlyDictionary<string, string> SelectorMatchLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The canary strategy, or null for blue-green.</summary>
    public CanarySpec? Canary { get; init; }

    /// <summary>The blue-green strategy, or null for canary.</summary>
    public BlueGreenSpec? BlueGreen { get; init; }

    /// <summary>A one-line description for the Temporal UI, e.g. <c>rollout default/web: canary 3 steps</c>.</summary>
    public string Describe() =>
        BlueGreen is not null
            ? $"rollout {Namespace}/{Name}: blue-green"
            : $"rollout {Namespace}/{Name}: canary {Canary?.Steps.Count ?? 0} steps";
}
