namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using System.Text.Json;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;

/// <summary>Search attribute and memo payloads: merging upserts, checking registration, reading values.</summary>
internal static class SearchAttributeValues
{
    /// <summary>Gets the system attributes every namespace has, usable in visibility queries.</summary>
    public static IReadOnlyDictionary<string, IndexedValueType> System { get; } = new Dictionary<string, IndexedValueType>(StringComparer.Ordinal)
    {
        ["WorkflowType"] = IndexedValueType.Keyword,
        ["WorkflowId"] = IndexedValueType.Keyword,
        ["RunId"] = IndexedValueType.Keyword,
        ["ExecutionStatus"] = IndexedValueType.Keyword,
        ["TaskQueue"] = IndexedValueType.Keyword,
        ["StartTime"] = IndexedValueType.Datetime,
        ["CloseTime"] = IndexedValueType.Datetime,
        ["ExecutionTime"] = IndexedValueType.Datetime,
        ["HistoryLength"] = IndexedValueType.Int,

        // Written by SDKs themselves (patches, versioning), so they must always be accepted.
        ["TemporalChangeVersion"] = IndexedValueType.KeywordList,
        ["BuildIds"] = IndexedValueType.KeywordList,
        ["BinaryChecksums"] = IndexedValueType.KeywordList,
        ["TemporalWorkerDeploymentVersion"] = IndexedValueType.Keyword,
        ["TemporalWorkerDeployment"] = IndexedValueType.Keyword,
        ["TemporalWorkflowVersioningBehavior"] = IndexedValueType.Keyword,
    };

    /// <summary>An upsert with no data (or JSON null) removes the key, as the SDK's "unset" sends.</summary>
    public static bool IsRemoval(Payload payload) =>
        payload.Data.IsEmpty || payload.Data.ToStringUtf8() is "null";

    public static void Merge(SearchAttributes target, SearchAttributes? upsert)
    {
        if (upsert is null)
        {
            return;
        }

        foreach (var (key, value) in upsert.IndexedFields)
        {
            if (IsRemoval(value))
            {
                target.IndexedFields.Remove(key);
            }
            else
            {
                target.IndexedFields[key] = value;
            }
        }
    }

    public static void MergeMemo(Memo target, Memo? upsert)
    {
        if (upsert is null)
        {
            return;
        }

        foreach (var (key, value) in upsert.Fields)
        {
            if (IsRemoval(value))
            {
                target.Fields.Remove(key);
            }
            else
            {
                target.Fields[key] = value;
            }
        }
    }

    /// <summary>Names the first attribute not registered in the namespace, or null when all are.</summary>
    public static string? FindUnregistered(SandboxNamespace ns, SearchAttributes? attributes) =>
        attributes?.IndexedFields.Keys.FirstOrDefault(key => !ns.SearchAttributes.ContainsKey(key) && !System.ContainsKey(key));

    public static void RequireRegistered(SandboxNamespace ns, SearchAttributes? attributes)
    {
        var unknown = FindUnregistered(ns, attributes);
        if (unknown is not null)
        {
            throw RpcErrors.InvalidArgument(
                $"search attribute {unknown} is not defined; register it (TemporalSandboxOptions.SearchAttributes, --search-attribute {unknown}=Keyword, or OperatorService AddSearchAttributes).");
        }
    }

    /// <summary>Reads an attribute payload (JSON) as strings (keyword lists give several) or numbers as text.</summary>
    public static IReadOnlyList<string> ReadValues(Payload payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.Data.Memory);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement.EnumerateArray().Select(Text).ToList(),
                JsonValueKind.Null => [],
                _ => [Text(document.RootElement)],
            };
        }
        catch (JsonException)
        {
            return [payload.Data.ToStringUtf8()];
        }
    }

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
}
