namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// Groups a Service's pods by their resolved port list: a named targetPort may map to different
/// numbers on different pods, and each distinct mapping is one Endpoints subset and one EndpointSlice.
/// </summary>
public static class EndpointGroups
{
    public static List<Group> Build(JsonObject service, IEnumerable<JsonObject> pods)
    {
        var servicePorts = (service["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var groups = new List<Group>();
        foreach (var pod in pods.OrderBy(p => (string?)p["metadata"]?["name"], StringComparer.Ordinal))
        {
            var ports = new List<ResolvedPort>();
            foreach (var port in servicePorts)
            {
                var resolved = Resolve(port["targetPort"] ?? port["port"], pod);
                if (resolved is not null)
                {
                    ports.Add(new ResolvedPort((string?)port["name"], resolved.Value, (string?)port["protocol"] ?? "TCP"));
                }
            }

            if (servicePorts.Count > 0 && ports.Count == 0)
            {
                continue;
            }

            var group = groups.Find(g => g.Ports.SequenceEqual(ports));
            if (group is null)
            {
                group = new Group(ports, []);
                groups.Add(group);
            }

            group.Pods.Add(pod);
        }

        return groups;
    }

    /// <summary>A number is used as is; a name is looked up in the pod's container ports.</summary>
    private static int? Resolve(JsonNode? targetPort, JsonObject pod)
    {
        if (JsonPaths.AsLong(targetPort) is { } number)
        {
            return (int)number;
        }

        var name = (string?)targetPort;
        if (int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(p => (string?)p["name"] == name)
            .Select(p => (int?)JsonPaths.AsLong(p["containerPort"]))
            .FirstOrDefault();
    }

    /// <summary>One distinct port mapping and the pods that share it.</summary>
    public sealed record Group(List<ResolvedPort> Ports, List<JsonObject> Pods)
    {
        public JsonArray PortsJson() => new([.. Ports.Select(p =>
        {
            var port = new JsonObject();
            if (p.Name is not null)
            {
                port["name"] = p.Name;
            }

            port["port"] = p.Port;
            port["protocol"] = p.Protocol;
            return (JsonNode?)port;
        })]);
    }

    /// <summary>A service port resolved to a pod's number.</summary>
    public sealed record ResolvedPort(string? Name, int Port, string Protocol);
}
