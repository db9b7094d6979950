namespace RolloutWorkflows.Sandbox.Kubernetes.Store;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads manifests as kubectl does: multi-document YAML (JSON is YAML too), and <c>List</c> kinds
/// expanded into their items. Plain scalars are typed (numbers, booleans, null) like YAML 1.2 core.
/// </summary>
public static class ManifestReader
{
    public static IReadOnlyList<JsonObject> Read(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return Expand(JsonNode.Parse(text));
            }
            catch (JsonException)
            {
                // Not JSON after all (e.g. a YAML flow mapping): fall through to the YAML reader.
            }
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"manifest is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        // Round-trip through JSON text so numbers read back as any numeric type, like parsed JSON does.
        return [.. stream.Documents.SelectMany(d => Expand(Convert(d.RootNode))).Select(o => (JsonObject)JsonNode.Parse(o.ToJsonString())!)];
    }

    private static List<JsonObject> Expand(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return [.. array.SelectMany(Expand)];
        }

        if (node is not JsonObject obj)
        {
            return [];
        }

        return ((string?)obj["kind"])?.EndsWith("List", StringComparison.Ordinal) == true && obj["items"] is JsonArray items
            ? [.. items.SelectMany(i => Expand(i?.DeepClone()))]
            : [obj];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when value.Any(char.IsDigit) && !value.Contains(':', StringComparison.Ordinal)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
