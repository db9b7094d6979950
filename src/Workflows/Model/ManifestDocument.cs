namespace RolloutWorkflows.Workflows.Model;

using System.Text.Json.Nodes;

/// <summary>
/// One Kubernetes object read from a manifest file (a Rollout, an Ingress, a Service, ...): its
/// source file (<c>stdin</c> for <c>-</c>), position among the file's documents (from 0), type, name
/// and the whole object.
/// </summary>
public sealed record ManifestDocument(string Source, int Index, string? ApiVersion, string? Kind, string? Name, JsonObject Object)
{
    /// <summary>A short label for messages, e.g. <c>Ingress/web</c>.</summary>
    public string Describe() => $"{Kind ?? "(no kind)"}/{Name ?? "(no name)"}";
}
