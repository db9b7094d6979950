namespace RolloutWorkflows.Sandbox.Kubernetes.Printing;

using System.Text.Json.Nodes;

/// <summary>
/// Server-side printing: when a client asks for <c>application/json;as=Table;v=v1;g=meta.k8s.io</c>
/// (kubectl get does), a list, a single object or a watch event's object is answered as a
/// <c>meta.k8s.io</c> Table with the kind's columns, one row per object, and the object itself as
/// <c>includeObject</c> asks (PartialObjectMetadata by default, as the apiserver does).
/// </summary>
public static class TableConverter
{
    /// <summary>The Table version the Accept header asks for (<c>v1</c> preferred), or null for plain JSON.</summary>
    public static string? RequestedVersion(string? accept)
    {
        foreach (var range in (accept ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            if (!parts[0].Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            if (parameters.GetValueOrDefault("as") == "Table" && parameters.GetValueOrDefault("g") == "meta.k8s.io"
                && parameters.GetValueOrDefault("v") is "v1" or "v1beta1")
            {
                return parameters["v"];
            }
        }

        return null;
    }

    /// <summary>A Table of a LIST answer; its paging metadata is kept.</summary>
    public static JsonObject FromList(ResourceType type, JsonObject list, string version, string? includeObject, DateTimeOffset now)
    {
        var columns = TableColumns.For(type);
        var rows = new JsonArray();
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            rows.Add(Row(type, columns, item, includeObject, now));
        }

        return Table(version, columns, list["metadata"]?.DeepClone() as JsonObject ?? [], rows);
    }

    /// <summary>A one-row Table of a GET answer or of a watch event's object.</summary>
    public static JsonObject FromObject(ResourceType type, JsonObject obj, string version, string? includeObject, DateTimeOffset now)
    {
        var columns = TableColumns.For(type);
        var metadata = new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() };
        return Table(version, columns, metadata, [Row(type, columns, obj, includeObject, now)]);
    }

    /// <summary>Turns the object of an ADDED/MODIFIED/DELETED watch event into a Table; other events pass unchanged.</summary>
    public static string TransformEvent(ResourceType type, string line, string version, string? includeObject, DateTimeOffset now)
    {
        if (JsonNode.Parse(line) is not JsonObject watchEvent || (string?)watchEvent["type"] is not ("ADDED" or "MODIFIED" or "DELETED")
            || watchEvent["object"] is not JsonObject obj)
        {
            return line;
        }

        watchEvent["object"] = FromObject(type, obj, version, includeObject, now);
        return watchEvent.ToJsonString(Api.JsonResponses.Options);
    }

    private static JsonObject Table(string version, IReadOnlyList<TableColumn> columns, JsonObject metadata, JsonArray rows) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = "meta.k8s.io/" + version,
        ["metadata"] = metadata,
        ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)c.Definition())]),
        ["rows"] = rows,
    };

    private static JsonObject Row(ResourceType type, IReadOnlyList<TableColumn> columns, JsonObject obj, string? includeObject, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(obj, now))]) };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                var full = (JsonObject)obj.DeepClone();
                full["kind"] = type.Kind;
                full["apiVersion"] = type.ApiVersion;
                row["object"] = full;
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }
}
