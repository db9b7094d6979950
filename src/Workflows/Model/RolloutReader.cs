namespace RolloutWorkflows.Workflows.Model;

using System.Text.Json.Nodes;

/// <summary>
/// Reads a Rollout JSON tree into <see cref="Rollout"/>. Every field is either read, reported as
/// "not supported yet" (Argo has it, we do not) or reported as unknown; nothing is silently dropped.
/// Values keep their defaults when mistyped, so validation can still look at the rest.
/// </summary>
public static class RolloutReader
{
    private static string[] TopFields { get; } = ["apiVersion", "kind", "metadata", "spec"];

    private static string[] TopIgnored { get; } = ["status"];

    private static string[] MetadataFields { get; } = ["name", "namespace", "labels", "annotations"];

    private static string[] MetadataIgnored { get; } =
        ["generateName", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
         "deletionGracePeriodSeconds", "ownerReferences", "finalizers", "managedFields", "selfLink"];

    private static string[] SpecFields { get; } = ["replicas", "selector", "template", "strategy"];

    private static string[] SpecUnsupported { get; } =
        ["workloadRef", "minReadySeconds", "revisionHistoryLimit", "paused", "progressDeadlineSeconds",
         "progressDeadlineAbort", "restartAt", "analysis", "rollbackWindow"];

    private static string[] StrategyFields { get; } = ["canary", "blueGreen"];

    private static string[] BlueGreenFields { get; } =
        ["activeService", "previewService", "autoPromotionEnabled", "autoPromotionSeconds", "scaleDownDelaySeconds",
         "abortScaleDownDelaySeconds"];

    private static string[] BlueGreenUnsupported { get; } =
        ["previewReplicaCount", "prePromotionAnalysis", "postPromotionAnalysis", "antiAffinity", "previewMetadata",
         "activeMetadata", "scaleDownDelayRevisionLimit", "maxUnavailable"];

    public static RolloutReadResult Read(JsonObject document)
    {
        var reader = new FieldReader();
        reader.CheckFields(document, "", TopFields, [], TopIgnored);
        CheckTypeMeta(reader, document);

        var metadata = ReadMetadata(reader, reader.Object(document, "metadata", "") ?? []);
        var spec = reader.Object(document, "spec", "") ?? [];

        reader.CheckFields(spec, "spec", SpecFields, SpecUnsupported);

        var strategyObj = reader.Object(spec, "strategy", "spec") ?? [];

        reader.CheckFields(strategyObj, "spec.strategy", StrategyFields, []);
        var canary = reader.Object(strategyObj, "canary", "spec.strategy");
        var blueGreen = reader.Object(strategyObj, "blueGreen", "spec.strategy");

        var rollout = new Rollout
        {
            Metadata = metadata,
            Replicas = reader.Int(spec, "replicas", "spec") ?? 1,
            Selector = reader.Object(spec, "selector", "spec")?.DeepClone().AsObject(),
            Template = reader.Object(spec, "template", "spec")?.DeepClone().AsObject(),
            Strategy = new RolloutStrategy
            {
                Canary = canary is null ? null : CanaryReader.Read(reader, canary, "spec.strategy.canary"),
                BlueGreen = blueGreen is null ? null : ReadBlueGreen(reader, blueGreen, "spec.strategy.blueGreen"),
            },
        };
        return new RolloutReadResult(rollout, reader.Problems);
    }

    private static void CheckTypeMeta(FieldReader reader, JsonObject document)
    {
        var apiVersion = reader.String(document, "apiVersion", "");
        var kind = reader.String(document, "kind", "");
        if (apiVersion is null && document["apiVersion"] is null)
        {
            reader.Report("apiVersion", $"required: set apiVersion: {Rollout.ApiVersionValue}");
        }
        else if (apiVersion is not null && apiVersion != Rollout.ApiVersionValue)
        {
            reader.Report("apiVersion", $"expected {Rollout.ApiVersionValue}, got \"{apiVersion}\"");
        }

        if (kind is null && document["kind"] is null)
        {
            reader.Report("kind", $"required: set kind: {Rollout.KindValue}");
        }
        else if (kind is not null && kind != Rollout.KindValue)
        {
            reader.Report("kind", $"expected {Rollout.KindValue}, got \"{kind}\"");
        }
    }

    private static RolloutMetadata ReadMetadata(FieldReader reader, JsonObject meta)
    {
        reader.CheckFields(meta, "metadata", MetadataFields, [], MetadataIgnored);
        return new RolloutMetadata
        {
            Name = reader.String(meta, "name", "metadata"),
            Namespace = reader.String(meta, "namespace", "metadata"),
            Labels = reader.StringMap(meta, "labels", "metadata"),
            Annotations = reader.StringMap(meta, "annotations", "metadata"),
        };
    }

    private static BlueGreenStrategy ReadBlueGreen(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, BlueGreenFields, BlueGreenUnsupported);
        return new BlueGreenStrategy
        {
            ActiveService = reader.String(obj, "activeService", path),
            PreviewService = reader.String(obj, "previewService", path),
            AutoPromotionEnabled = reader.Bool(obj, "autoPromotionEnabled", path) ?? true,
            AutoPromotionSeconds = reader.Int(obj, "autoPromotionSeconds", path),
            ScaleDownDelaySeconds = reader.Int(obj, "scaleDownDelaySeconds", path),
            AbortScaleDownDelaySeconds = reader.Int(obj, "abortScaleDownDelaySeconds", path),
        };
    }
}
