namespace RolloutWorkflows.Workflows.Rollout;

using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Workflows;

/// <summary>What the Temporal UI shows: current details as a Markdown table and typed search attributes.</summary>
public sealed partial class RolloutWorkflow
{
    public static readonly SearchAttributeKey<string> NamespaceAttribute = SearchAttributeKey.CreateKeyword(Names.RolloutNamespaceAttribute);
    public static readonly SearchAttributeKey<string> NameAttribute = SearchAttributeKey.CreateKeyword(Names.RolloutNameAttribute);
    public static readonly SearchAttributeKey<string> PhaseAttribute = SearchAttributeKey.CreateKeyword(Names.RolloutPhaseAttribute);
    public static readonly SearchAttributeKey<long> RevisionAttribute = SearchAttributeKey.CreateLong(Names.RolloutRevisionAttribute);
    public static readonly SearchAttributeKey<long> CanaryWeightAttribute = SearchAttributeKey.CreateLong(Names.CanaryWeightAttribute);

    private (string Phase, long Revision, long Weight)? published;

    /// <summary>The search attributes a client sets when it starts the workflow (so even an idle rollout is findable).</summary>
    public static SearchAttributeCollection StartAttributes(string @namespace, string name) =>
        new SearchAttributeCollection.Builder()
            .Set(NamespaceAttribute, @namespace)
            .Set(NameAttribute, name)
            .ToSearchAttributeCollection();

    private void Publish()
    {
        var status = Status;
        Workflow.CurrentDetails = Details(status);
        var now = (status.Phase, status.Revision, (long)status.SetWeight);
        if (published == now)
        {
            return;
        }

        // Upsert only on change: every upsert is a history event.
        published = now;
        Workflow.UpsertTypedSearchAttributes(
            NamespaceAttribute.ValueSet(rolloutNamespace),
            NameAttribute.ValueSet(rolloutName),
            PhaseAttribute.ValueSet(status.Phase),
            RevisionAttribute.ValueSet(status.Revision),
            CanaryWeightAttribute.ValueSet(status.SetWeight));
    }

    private static string Details(RolloutStatus status)
    {
        var lines = new List<string>
        {
            $"**{status.Namespace}/{status.Name}** ({status.Strategy})",
            "",
            "| Field | Value |",
            "| --- | --- |",
            $"| Phase | {status.Phase} |",
            $"| Message | {Cell(status.Message)} |",
            $"| Revision | {status.Revision} (stable {status.StableRevision}) |",
        };
        if (status.Steps > 0)
        {
            lines.Add($"| Step | {status.Step}/{status.Steps} |");
        }

        lines.Add($"| Weight | set {status.SetWeight}%, verified {(status.ActualWeight is { } w ? $"{w}%" : "-")} |");
        lines.Add($"| Stable | {status.StableReplicaSet ?? "-"}{(status.StablePingPong is { } side ? $" ({side})" : "")} |");
        lines.Add($"| Canary | {status.CanaryReplicaSet ?? "-"} |");
        foreach (var ingress in status.Ingresses)
        {
            lines.Add($"| Ingress {ingress.Ingress} | {(ingress.Verified ? "verified" : "not verified")} {ingress.Weight}%: {Cell(ingress.Message)} |");
        }

        return string.Join('\n', lines);
    }

    private static string Cell(string text) => string.IsNullOrEmpty(text) ? "-" : text.Replace("|", "/", StringComparison.Ordinal).Replace('\n', ' ');
}
