namespace RolloutWorkflows.Workflows.Model;

using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Converts YAML documents into JSON trees so YAML and JSON manifests share one reading path.
/// Plain scalars are typed the way kubectl's YAML library (go-yaml, YAML 1.1) types them: so
/// <c>enabled: yes</c> is <c>true</c> and <c>replicas: "3"</c> stays a string, exactly as the
/// Kubernetes API would see the manifest.
/// </summary>
public static class YamlToJson
{
    private static HashSet<string> TrueWords { get; } = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];

    private static HashSet<string> FalseWords { get; } = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];

    private static HashSet<string> NullWords { get; } = ["", "~", "null", "Null", "NULL"];

    /// <summary>Loads every document of <paramref name="text"/>; throws <see cref="YamlException"/> with line numbers.</summary>
    public static IReadOnlyList<JsonNode?> Convert(string text)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed input
            // (e.g. an unclosed flow sequence); report it with the position the parser reached.
            var mark = LastGoodMark(text);
            throw new YamlException(mark, mark, "unexpected content after this point (an unclosed '[' or '{'?)");
        }

        return stream.Documents.Select(d => ConvertNode(d.RootNode)).ToList();
    }

    private static Mark LastGoodMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current?.End ?? mark;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            // The mark of the last event parsed is the best position we have.
        }

        return mark;
    }

    private static JsonNode? ConvertNode(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, "mapping keys must be plain strings");
                    }

                    if (obj.ContainsKey(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"duplicate key \"{key}\"");
                    }

                    obj[key] = ConvertNode(valueNode);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var child in sequence.Children)
                {
                    array.Add(ConvertNode(child));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag is null && scalar.Style != ScalarStyle.Plain))
        {
            return JsonValue.Create(text);
        }

        if (NullWords.Contains(text))
        {
            return null;
        }

        if (TrueWords.Contains(text))
        {
            return JsonValue.Create(true);
        }

        if (FalseWords.Contains(text))
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        if (LooksNumeric(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    // double.TryParse alone would also accept "Infinity" or "1,000"; YAML floats start with a digit, sign or dot.
    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
        && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E');
}
