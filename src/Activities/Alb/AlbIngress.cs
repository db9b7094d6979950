namespace RolloutWorkflows.Activities.Alb;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// The parts of an Ingress the ALB engine checks, read from <c>networking.k8s.io/v1</c> or the legacy
/// <c>extensions/v1beta1</c> / <c>networking.k8s.io/v1beta1</c> shapes (F16; Argo ignores the latter).
/// </summary>
public sealed record AlbIngress(string Name, string? Namespace, string ApiVersion, string? IngressClass, string? ClassSource, IReadOnlyDictionary<string, string> Annotations, IReadOnlyList<IngressBackendRef> Backends)
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public static IReadOnlyList<string> SupportedApiVersions { get; } = ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"];

    /// <summary>The message path of a field of this ingress: <c>ingress/&lt;name&gt;.&lt;field&gt;</c>.</summary>
    public string PathOf(string field) => $"ingress/{Name}.{field}";

    /// <summary>
    /// Reads an Ingress object. The class is the <c>kubernetes.io/ingress.class</c> annotation when
    /// non-empty, else <c>spec.ingressClassName</c> (F15); <see cref="ClassSource"/> names the field used.
    /// </summary>
    public static AlbIngress FromJson(JsonObject ingress)
    {
        var metadata = ingress["metadata"] as JsonObject;
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata?["annotations"] as JsonObject ?? [])
        {
            annotations[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
        }

        var spec = ingress["spec"] as JsonObject;
        string? ingressClass = null;
        string? source = null;
        if (annotations.TryGetValue(ClassAnnotation, out var annotated) && annotated.Length > 0)
        {
            (ingressClass, source) = (annotated, $"metadata.annotations[{ClassAnnotation}]");
        }
        else if (Text(spec?["ingressClassName"]) is { Length: > 0 } className)
        {
            (ingressClass, source) = (className, "spec.ingressClassName");
        }

        return new AlbIngress(
            Text(metadata?["name"]) ?? "",
            Text(metadata?["namespace"]),
            Text(ingress["apiVersion"]) ?? "",
            ingressClass,
            source,
            annotations,
            ReadBackends(spec));
    }

    private static List<IngressBackendRef> ReadBackends(JsonObject? spec)
    {
        var backends = new List<IngressBackendRef>();
        var rules = spec?["rules"] as JsonArray ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var paths = rules[r]?["http"]?["paths"] as JsonArray ?? [];
            for (var p = 0; p < paths.Count; p++)
            {
                var backend = paths[p]?["backend"] as JsonObject;
                var path = $"spec.rules[{r}].http.paths[{p}].backend";
                if (backend?["service"] is JsonObject service)
                {
                    // networking.k8s.io/v1: backend.service.{name, port.{name|number}}
                    var port = service["port"] as JsonObject;
                    backends.Add(new IngressBackendRef(Text(service["name"]) ?? "", Text(port?["name"]), Number(port?["number"]), $"{path}.service.port"));
                }
                else if (backend is not null && Text(backend["serviceName"]) is { } serviceName)
                {
                    // extensions/v1beta1 and networking.k8s.io/v1beta1: backend.{serviceName, servicePort}
                    backends.Add(new IngressBackendRef(serviceName, Text(backend["servicePort"]), Number(backend["servicePort"]), $"{path}.servicePort"));
                }
            }
        }

        return backends;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;
}
