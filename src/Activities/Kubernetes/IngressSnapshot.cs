namespace RolloutWorkflows.Activities.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>An Ingress as read, in whatever API version the cluster serves, kept as JSON.</summary>
public sealed record IngressSnapshot(string Namespace, string Name, string ApiVersion, string? ResourceVersion, JsonObject Object)
{
    /// <summary>The Ingress's annotations (empty when it has none).</summary>
    public IReadOnlyDictionary<string, string> Annotations
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Object["metadata"]?["annotations"] is JsonObject annotations)
            {
                foreach (var (key, value) in annotations)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        result[key] = text;
                    }
                }
            }

            return result;
        }
    }

    /// <summary>Load balancer hostnames from <c>status.loadBalancer.ingress[].hostname</c>.</summary>
    public IReadOnlyList<string> Hostnames =>
        (Object["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? [])
            .Select(entry => entry?["hostname"]?.GetValue<string>())
            .Where(host => !string.IsNullOrEmpty(host))
            .Select(host => host!)
            .ToList();
}
