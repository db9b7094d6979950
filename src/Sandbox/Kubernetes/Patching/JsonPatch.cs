namespace RolloutWorkflows.Sandbox.Kubernetes.Patching;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>
/// JSON patch (RFC 6902): add, remove, replace, move, copy and test over JSON pointers (RFC 6901).
/// A failed operation throws <see cref="JsonPatchException"/>, which the server answers with 422.
/// </summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = document.DeepClone();
        foreach (var item in operations)
        {
            if (item is not JsonObject op)
            {
                throw new JsonPatchException("each JSON patch operation must be an object with \"op\" and \"path\"");
            }

            var name = (string?)op["op"] ?? throw new JsonPatchException("missing \"op\" in a JSON patch operation");
            var path = (string?)op["path"] ?? throw new JsonPatchException($"missing \"path\" in the \"{name}\" operation");
            switch (name)
            {
                case "add":
                    root = Add(root, path, Value(op, name));
                    break;
                case "remove":
                    root = Remove(root, path, out _);
                    break;
                case "replace":
                    root = Remove(root, path, out _);
                    root = Add(root, path, Value(op, name));
                    break;
                case "move":
                    root = Remove(root, From(op, name), out var moved);
                    root = Add(root, path, moved);
                    break;
                case "copy":
                    root = Add(root, path, Resolve(root, From(op, name))?.DeepClone());
                    break;
                case "test":
                    var actual = Resolve(root, path);
                    if (!JsonNode.DeepEquals(actual, op["value"]))
                    {
                        throw new JsonPatchException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {name}");
            }
        }

        return root;
    }

    private static JsonNode? Value(JsonObject op, string name) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException($"missing \"value\" in the \"{name}\" operation");

    private static string From(JsonObject op, string name) =>
        (string?)op["from"] ?? throw new JsonPatchException($"missing \"from\" in the \"{name}\" operation");

    private static List<string> Split(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (!path.StartsWith('/'))
        {
            throw new JsonPatchException($"invalid JSON pointer \"{path}\": it must start with '/'");
        }

        return [.. path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in Split(path))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when int.TryParse(segment, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count => array[i],
                _ => throw new JsonPatchException($"doc is missing path: \"{path}\""),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode root, string path, JsonNode? value)
    {
        var segments = Split(path);
        if (segments.Count == 0)
        {
            return value ?? throw new JsonPatchException("cannot replace the whole document with null");
        }

        var parent = ParentOf(root, segments)
            ?? throw new JsonPatchException($"doc is missing path: \"{path}\"");
        var last = segments[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= array.Count:
                array.Insert(i, value);
                break;
            default:
                throw new JsonPatchException($"unable to add \"{path}\": the parent is not an object or the index is out of range");
        }

        return root;
    }

    private static JsonNode Remove(JsonNode root, string path, out JsonNode? removed)
    {
        var segments = Split(path);
        if (segments.Count == 0)
        {
            throw new JsonPatchException("cannot remove the whole document");
        }

        var parent = ParentOf(root, segments);
        var last = segments[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var child):
                obj.Remove(last);
                removed = child;
                break;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count:
                removed = array[i];
                array.RemoveAt(i);
                break;
            default:
                throw new JsonPatchException($"Unable to remove nonexistent key: {last}: missing value");
        }

        return root;
    }

    private static JsonNode? ParentOf(JsonNode root, List<string> segments) =>
        segments.Count == 1 ? root : Resolve(root, "/" + string.Join('/', segments[..^1].Select(Escape)));

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
