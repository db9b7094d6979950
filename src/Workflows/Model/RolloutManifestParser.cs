namespace RolloutWorkflows.Workflows.Model;

using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Validation;
using YamlDotNet.Core;

/// <summary>
/// Reads manifest files: YAML (one or several <c>---</c> documents) or JSON, plus <c>kind: List</c>,
/// into Kubernetes objects, and a Rollout document into the typed <see cref="Rollout"/> model.
/// Malformed text gives <c>source: line L, column C: message</c>; wrong field types give
/// <c>field.path: message</c>.
/// </summary>
public static class RolloutManifestParser
{
    /// <summary>Splits <paramref name="text"/> into objects, each with its apiVersion, kind and name.</summary>
    public static ManifestParseResult ParseDocuments(string text, string source)
    {
        var problems = new List<ValidationProblem>();
        IReadOnlyList<JsonNode?> roots;
        try
        {
            roots = ParseTrees(text);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            problems.Add(new ValidationProblem(source, $"line {ex.Start.Line}, column {ex.Start.Column}: malformed YAML: {message}"));
            return new ManifestParseResult([], problems);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            problems.Add(new ValidationProblem(source, $"line {line}, column {column}: malformed JSON: {FirstSentence(ex.Message)}"));
            return new ManifestParseResult([], problems);
        }

        var documents = new List<ManifestDocument>();
        var index = 0;
        foreach (var root in roots)
        {
            switch (root)
            {
                case null:
                    continue;
                case JsonObject obj when Text(obj, "kind") == "List" && obj["items"] is JsonArray items:
                    foreach (var item in items)
                    {
                        AddDocument(item, source, index++, documents, problems);
                    }

                    break;
                default:
                    AddDocument(root, source, index++, documents, problems);
                    break;
            }
        }

        if (documents.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ValidationProblem(source, "no documents found: the file is empty"));
        }

        return new ManifestParseResult(documents, problems);
    }

    /// <summary>Parses YAML or JSON text into JSON trees, one per document (exceptions carry line numbers).</summary>
    public static IReadOnlyList<JsonNode?> ParseTrees(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
            var node = JsonNode.Parse(text, documentOptions: options);
            return node is JsonArray array ? array.Select(n => n?.DeepClone()).ToList() : [node];
        }

        return YamlToJson.Convert(text);
    }

    /// <summary>Reads a Rollout object into the model; unknown, unsupported and mistyped fields become problems.</summary>
    public static RolloutReadResult ParseRollout(JsonObject document) => RolloutReader.Read(document);

    private static void AddDocument(JsonNode? node, string source, int index, List<ManifestDocument> documents, List<ValidationProblem> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add(new ValidationProblem($"{source}[{index}]", "expected a Kubernetes object (a mapping with apiVersion and kind)"));
            return;
        }

        var name = obj["metadata"] is JsonObject meta ? Text(meta, "name") : null;
        documents.Add(new ManifestDocument(source, index, Text(obj, "apiVersion"), Text(obj, "kind"), name, obj));
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
