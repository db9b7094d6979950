namespace RolloutWorkflows.Workflows.Model;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// Typed access to a JSON tree that records a <c>path: message</c> problem instead of throwing, so a
/// whole manifest is read and every mistake reported at once. Explicit <c>null</c> counts as absent,
/// as in Kubernetes.
/// </summary>
public sealed class FieldReader
{
    private readonly List<ValidationProblem> problems = [];

    public IReadOnlyList<ValidationProblem> Problems => problems;

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public void Report(string path, string message) => problems.Add(new ValidationProblem(path, message));

    /// <summary>
    /// Reports every field of <paramref name="obj"/> that is not in <paramref name="supported"/>: as
    /// "not supported yet" when it is in <paramref name="unsupported"/> (Argo knows it, we do not yet),
    /// otherwise as unknown. Fields in <paramref name="ignored"/> are accepted and deliberately unused
    /// (e.g. server-managed metadata).
    /// </summary>
    public void CheckFields(JsonObject obj, string path, IReadOnlyCollection<string> supported, IReadOnlyCollection<string> unsupported, IReadOnlyCollection<string>? ignored = null)
    {
        foreach (var (key, value) in obj)
        {
            if (supported.Contains(key) || (ignored?.Contains(key) ?? false) || value is null)
            {
                continue;
            }

            Report(Join(path, key), unsupported.Contains(key)
                ? "not supported yet by rollouts; remove it"
                : $"unknown field: Argo Rollouts has no such field here (known: {string.Join(", ", supported.Concat(unsupported))})");
        }
    }

    public string? String(JsonObject obj, string name, string path)
    {
        var node = obj[name];

        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        Report(Join(path, name), $"expected a string, got {Describe(node)}");
        return null;
    }

    public int? Int(JsonObject obj, string name, string path)
    {
        var node = obj[name];

        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var raw = v.ToJsonString();
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }

            Report(Join(path, name), $"expected an integer (32-bit), got {raw}");
            return null;
        }

        Report(Join(path, name), $"expected an integer, got {Describe(node)}");
        return null;
    }

    public bool? Bool(JsonObject obj, string name, string path)
    {
        var node = obj[name];

        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        Report(Join(path, name), $"expected true or false, got {Describe(node)}");
        return null;
    }

    public JsonObject? Object(JsonObject obj, string name, string path)
    {
        var node = obj[name];

        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }

        Report(Join(path, name), $"expected a mapping, got {Describe(node)}");
        return null;
    }

    public JsonArray? Array(JsonObject obj, string name, string path)
    {
        var node = obj[name];

        if (node is null or JsonArray)
        {
            return (JsonArray?)node;
        }

        Report(Join(path, name), $"expected a list, got {Describe(node)}");
        return null;
    }

    /// <summary>A map of string to string, such as labels or annotations.</summary>
    public IReadOnlyDictionary<string, string> StringMap(JsonObject obj, string name, string path)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Object(obj, name, path) ?? [])
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                map[key] = v.GetValue<string>();
            }
            else
            {
                Report($"{Join(path, name)}[{key}]", $"expected a string, got {Describe(value)} (quote it)");
            }
        }

        return map;
    }

    /// <summary>How a value looks to the user: strings quoted, numbers and booleans as written.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>()),
        _ => node.ToJsonString(),
    };
}
