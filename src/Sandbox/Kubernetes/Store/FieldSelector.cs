namespace RolloutWorkflows.Sandbox.Kubernetes.Store;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// A field selector (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma-separated) over the fields the real
/// server indexes: <c>metadata.name</c> and <c>metadata.namespace</c> everywhere, plus a few per kind.
/// </summary>
public sealed class FieldSelector
{
    private static Dictionary<string, string[]> ExtraFields { get; } = new()
    {
        ["Pod"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP"],
        ["Event"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "source", "type"],
        ["Namespace"] = ["status.phase"],
    };

    private readonly List<(string Field, bool Equal, string Value)> terms;

    private FieldSelector(List<(string Field, bool Equal, string Value)> terms) => this.terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var result = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=');
            if (equal <= 0 && notEqual <= 0)
            {
                throw KubernetesApiException.BadRequest($"invalid field selector \"{part}\": expected field=value or field!=value");
            }

            var (field, isEqual, value) = notEqual > 0
                ? (part[..notEqual], false, part[(notEqual + 2)..])
                : (part[..equal], true, part[(equal + 1)..].TrimStart('='));
            field = field.Trim();
            if (field != "metadata.name" && field != "metadata.namespace"
                && !(ExtraFields.TryGetValue(type.Kind, out var extra) && extra.Contains(field)))
            {
                throw KubernetesApiException.BadRequest($"field label not supported: {field}");
            }

            result.Add((field, isEqual, value.Trim()));
        }

        return new FieldSelector(result);
    }

    public bool Matches(JsonObject obj) => terms.TrueForAll(t => (ValueOf(obj, t.Field) == t.Value) == t.Equal);

    private static string ValueOf(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        return node is JsonValue value ? value.ToString() : "";
    }
}
