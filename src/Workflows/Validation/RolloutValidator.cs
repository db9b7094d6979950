namespace RolloutWorkflows.Workflows.Validation;

using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Model;

/// <summary>
/// Pure validation of a <see cref="Rollout"/>: Argo's rules (reference B5) plus ours, every problem at
/// once as <c>field.path: message</c>. Cross-object checks live in <see cref="ServiceChecks"/> and the
/// ingress checks of the Activities project.
/// </summary>
public static class RolloutValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(Rollout rollout)
    {
        var problems = new ProblemList();
        ValidateMetadata(problems, rollout.Metadata);
        problems.NotNegative("spec.replicas", rollout.Replicas);
        ValidatePodSpec(problems, rollout);

        var strategy = rollout.Strategy;
        if (strategy.Canary is null && strategy.BlueGreen is null)
        {
            problems.Add("spec.strategy", "required: set spec.strategy.canary or spec.strategy.blueGreen");
        }
        else if (strategy.Canary is not null && strategy.BlueGreen is not null)
        {
            problems.Add("spec.strategy", "canary and blueGreen are both set: choose one");
        }

        if (strategy.Canary is { } canary)
        {
            CanaryValidator.Validate(problems, canary, "spec.strategy.canary");
        }

        if (strategy.BlueGreen is { } blueGreen)
        {
            ValidateBlueGreen(problems, blueGreen, "spec.strategy.blueGreen");
        }

        return problems.Items;
    }

    /// <summary>
    /// Reads and validates a Rollout document: the reader's problems (types, unknown and unsupported
    /// fields) first, then validation problems not already covered by a reader problem on the same field.
    /// </summary>
    public static RolloutReadResult ReadAndValidate(JsonObject document)
    {
        var read = RolloutReader.Read(document);
        var all = new List<ValidationProblem>(read.Problems);
        foreach (var problem in Validate(read.Rollout))
        {
            if (!read.Problems.Any(p => Overlaps(p.Path, problem.Path)))
            {
                all.Add(problem);
            }
        }

        return read with { Problems = all };
    }

    private static bool Overlaps(string a, string b) => IsWithin(a, b) || IsWithin(b, a);

    private static bool IsWithin(string path, string parent) =>
        path == parent || path.StartsWith(parent + ".", StringComparison.Ordinal) || path.StartsWith(parent + "[", StringComparison.Ordinal);

    private static void ValidateMetadata(ProblemList problems, RolloutMetadata metadata)
    {
        if (string.IsNullOrEmpty(metadata.Name))
        {
            problems.Add("metadata.name", "required: set the Rollout's name");
        }
        else if (!KubernetesNames.IsSubdomain(metadata.Name))
        {
            problems.Add("metadata.name", $"\"{metadata.Name}\" is not a valid name: use lowercase letters, digits, '-' and '.', at most 253 characters");
        }

        if (!string.IsNullOrEmpty(metadata.Namespace) && !KubernetesNames.IsLabel(metadata.Namespace))
        {
            problems.Add("metadata.namespace", $"\"{metadata.Namespace}\" is not a valid namespace: use lowercase letters, digits and '-'");
        }
    }

    private static void ValidatePodSpec(ProblemList problems, Rollout rollout)
    {
        if (rollout.Selector is null)
        {
            problems.Add("spec.selector", "required: set spec.selector.matchLabels to labels of spec.template.metadata.labels");
        }
        else if (rollout.Selector["matchLabels"] is not JsonObject { Count: > 0 } && rollout.Selector["matchExpressions"] is not JsonArray { Count: > 0 })
        {
            problems.Add("spec.selector", "must have matchLabels or matchExpressions");
        }

        if (rollout.Template is null)
        {
            problems.Add("spec.template", "required: the pod template the ReplicaSets run");
            return;
        }

        var labels = rollout.Template["metadata"]?["labels"] as JsonObject;
        foreach (var (key, value) in rollout.GetSelectorMatchLabels())
        {
            if (labels?[key] is not JsonValue v || !v.TryGetValue<string>(out var actual) || actual != value)
            {
                problems.Add("spec.template.metadata.labels", $"selector does not match template labels: add {key}: {value}");
            }
        }

        if (rollout.Template["spec"]?["containers"] is not JsonArray { Count: > 0 } containers)
        {
            problems.Add("spec.template.spec.containers", "required: at least one container with a name and an image");
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] as JsonObject;
            foreach (var field in new[] { "name", "image" })
            {
                if (container?[field] is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length == 0)
                {
                    problems.Add($"spec.template.spec.containers[{i}].{field}", $"required: every container needs a {field}");
                }
            }
        }
    }

    private static void ValidateBlueGreen(ProblemList problems, BlueGreenStrategy blueGreen, string path)
    {
        problems.ServiceName($"{path}.activeService", blueGreen.ActiveService, true, "the Service that receives production traffic");
        problems.ServiceName($"{path}.previewService", blueGreen.PreviewService, false, "");
        if (!string.IsNullOrEmpty(blueGreen.PreviewService) && blueGreen.PreviewService == blueGreen.ActiveService)
        {
            problems.Add($"{path}.previewService", "must differ from activeService");
        }

        problems.NotNegative($"{path}.autoPromotionSeconds", blueGreen.AutoPromotionSeconds);
        if (blueGreen.AutoPromotionSeconds is not null && !blueGreen.AutoPromotionEnabled)
        {
            problems.Add($"{path}.autoPromotionSeconds", "has no effect with autoPromotionEnabled: false; remove one of them");
        }

        problems.NotNegative($"{path}.scaleDownDelaySeconds", blueGreen.ScaleDownDelaySeconds);
        problems.NotNegative($"{path}.abortScaleDownDelaySeconds", blueGreen.AbortScaleDownDelaySeconds);
    }
}
