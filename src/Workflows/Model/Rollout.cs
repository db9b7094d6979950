namespace RolloutWorkflows.Workflows.Model;

using System.Text.Json.Nodes;

/// <summary>
/// An Argo Rollouts <c>Rollout</c> (<c>argoproj.io/v1alpha1</c>), as far as this engine supports it.
/// Immutable and System.Text.Json friendly: it travels as a Temporal workflow input.
/// Build it with <see cref="RolloutManifestParser"/>; check it with the validators.
/// </summary>
public sealed record Rollout
{
    public const string ApiVersionValue = "argoproj.io/v1alpha1";
    public const string KindValue = "Rollout";

    public RolloutMetadata Metadata { get; init; } = new();

    /// <summary><c>spec.replicas</c>; Argo defaults it to 1.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary><c>spec.selector</c>, kept whole (matchLabels / matchExpressions).</summary>
    public JsonObject? Selector { get; init; }

    /// <summary><c>spec.template</c>, kept whole: it becomes the ReplicaSet's pod template.</summary>
    public JsonObject? Template { get; init; }

    public RolloutStrategy Strategy { get; init; } = new();

    /// <summary><c>metadata.namespace</c>, or <c>default</c>.</summary>
    public string GetNamespace() => string.IsNullOrEmpty(Metadata.Namespace) ? "default" : Metadata.Namespace;

    /// <summary>The pod template hash of <see cref="Template"/>; see <see cref="PodTemplateHash"/>.</summary>
    public string ComputePodTemplateHash(int? collisionCount = null) => PodTemplateHash.Compute(Template, collisionCount);

    /// <summary><c>spec.selector.matchLabels</c> as a map (string values only).</summary>
    public IReadOnlyDictionary<string, string> GetSelectorMatchLabels()
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Selector?["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    labels[key] = text;
                }
            }
        }

        return labels;
    }

    /// <summary>
    /// A copy whose container (or init container) named <paramref name="container"/> runs
    /// <paramref name="image"/>; used by <c>rollouts deploy --image app=repo/app:v2</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No container of that name, or no template.</exception>
    public Rollout WithImage(string container, string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(image);
        if (Template is null)
        {
            throw new ArgumentException("spec.template: missing, so no container image can be set", nameof(container));
        }

        var template = (JsonObject)Template.DeepClone();
        var names = new List<string>();
        foreach (var listName in new[] { "containers", "initContainers" })
        {
            if (template["spec"]?[listName] is not JsonArray list)
            {
                continue;
            }

            foreach (var item in list.OfType<JsonObject>())
            {
                var name = item["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
                if (name == container)
                {
                    item["image"] = image;
                    return this with { Template = template };
                }

                if (name is not null)
                {
                    names.Add(name);
                }
            }
        }

        throw new ArgumentException(
            $"spec.template.spec.containers: no container named \"{container}\"; containers are: {string.Join(", ", names)}",
            nameof(container));
    }
}
