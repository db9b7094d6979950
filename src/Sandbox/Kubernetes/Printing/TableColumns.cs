namespace RolloutWorkflows.Sandbox.Kubernetes.Printing;

using System.Globalization;
using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The columns the apiserver's printers give each kind (the ones the rollouts touch), so that
/// <c>kubectl get</c> shows what it shows on a real cluster; other kinds get NAME and AGE.
/// </summary>
public static class TableColumns
{
    private const string NameDescription = "Name must be unique within a namespace.";
    private const string AgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created.";
    private const string None = "<none>";

    public static IReadOnlyList<TableColumn> For(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Pod") => Pods,
        ("", "Service") => Services,
        ("apps", "ReplicaSet") => ReplicaSets,
        (_, "Ingress") when type.Group is "networking.k8s.io" or "extensions" => Ingresses,
        _ => Default,
    };

    private static TableColumn Name { get; } = new("Name", "string", NameDescription, (o, _) => JsonPaths.Name(o), Format: "name");

    private static TableColumn Age { get; } = new("Age", "string", AgeDescription, AgeOf);

    private static IReadOnlyList<TableColumn> Default { get; } = [Name, Age];

    private static IReadOnlyList<TableColumn> Pods { get; } =
    [
        Name,
        new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic.", (o, _) => PodReady(o)),
        new("Status", "string", "The aggregate status of the containers in this pod.", (o, _) => PodStatus(o)),
        new("Restarts", "string", "The number of times the containers in this pod have been restarted.", (o, _) => Restarts(o)),
        Age,
        new("IP", "string", "The IP address assigned to the pod.", (o, _) => Text(o, "status", "podIP") ?? None, 1),
        new("Node", "string", "The node the pod is assigned to.", (o, _) => Text(o, "spec", "nodeName") ?? None, 1),
        new("Nominated Node", "string", "The node the pod is nominated to run on.", (o, _) => Text(o, "status", "nominatedNodeName") ?? None, 1),
        new("Readiness Gates", "string", "The readiness gates of the pod and how many are True.", (o, _) => ReadinessGates(o), 1),
    ];

    private static IReadOnlyList<TableColumn> Services { get; } =
    [
        Name,
        new("Type", "string", "The type of the service.", (o, _) => Text(o, "spec", "type") ?? "ClusterIP"),
        new("Cluster-IP", "string", "The cluster IP of the service.", (o, _) => Text(o, "spec", "clusterIP") ?? None),
        new("External-IP", "string", "The external IPs of the service.", (o, _) => ExternalIps(o)),
        new("Port(s)", "string", "The ports of the service.", (o, _) => ServicePorts(o)),
        Age,
        new("Selector", "string", "The label selector of the service.", (o, _) => MapText(o["spec"]?["selector"] as JsonObject), 1),
    ];

    private static IReadOnlyList<TableColumn> ReplicaSets { get; } =
    [
        Name,
        new("Desired", "integer", "Number of desired pods.", (o, _) => JsonPaths.AsLong(o["spec"]?["replicas"]) ?? 1),
        new("Current", "integer", "Number of actual replicas.", (o, _) => JsonPaths.AsLong(o["status"]?["replicas"]) ?? 0),
        new("Ready", "integer", "Number of ready replicas.", (o, _) => JsonPaths.AsLong(o["status"]?["readyReplicas"]) ?? 0),
        Age,
        new("Containers", "string", "Names of each container in the template.", (o, _) => Containers(o, "name"), 1),
        new("Images", "string", "Images referenced by each container in the template.", (o, _) => Containers(o, "image"), 1),
        new("Selector", "string", "The label selector of the replica set.", (o, _) => MapText(o["spec"]?["selector"]?["matchLabels"] as JsonObject), 1),
    ];

    private static IReadOnlyList<TableColumn> Ingresses { get; } =
    [
        Name,
        new("Class", "string", "The name of the IngressClass resource.", (o, _) => Text(o, "spec", "ingressClassName") ?? None),
        new("Hosts", "string", "Hosts that incoming requests are matched against.", (o, _) => IngressHosts(o)),
        new("Address", "string", "Address is a list containing ingress points for the load-balancer.", (o, _) => LoadBalancerAddresses(o)),
        new("Ports", "string", "Ports of TLS configurations that open.", (o, _) => o["spec"]?["tls"] is JsonArray { Count: > 0 } ? "80, 443" : "80"),
        Age,
    ];

    private static string? Text(JsonObject obj, string section, string field) => obj[section]?[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static JsonNode AgeOf(JsonObject obj, DateTimeOffset now) =>
        JsonPaths.ParseTimestamp((string?)obj["metadata"]?["creationTimestamp"]) is { } created ? HumanDuration.Format(now - created) : "<unknown>";

    private static IEnumerable<JsonObject> Items(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    private static string PodReady(JsonObject pod)
    {
        var total = Items(pod["spec"]?["containers"]).Count();
        var ready = Items(pod["status"]?["containerStatuses"]).Count(c => c["ready"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);
        return string.Create(CultureInfo.InvariantCulture, $"{ready}/{total}");
    }

    private static string PodStatus(JsonObject pod)
    {
        if (JsonPaths.IsDeleting(pod))
        {
            return "Terminating";
        }

        foreach (var status in Items(pod["status"]?["containerStatuses"]))
        {
            if ((string?)status["state"]?["waiting"]?["reason"] is { Length: > 0 } waiting)
            {
                return waiting;
            }

            if ((string?)status["state"]?["terminated"]?["reason"] is { Length: > 0 } terminated)
            {
                return terminated;
            }
        }

        return Text(pod, "status", "reason") ?? Text(pod, "status", "phase") ?? "Pending";
    }

    private static string Restarts(JsonObject pod) =>
        Items(pod["status"]?["containerStatuses"]).Sum(c => JsonPaths.AsLong(c["restartCount"]) ?? 0).ToString(CultureInfo.InvariantCulture);

    private static string ReadinessGates(JsonObject pod)
    {
        var gates = Items(pod["spec"]?["readinessGates"]).Select(g => (string?)g["conditionType"]).ToList();
        if (gates.Count == 0)
        {
            return None;
        }

        var trueConditions = Items(pod["status"]?["conditions"]).Where(c => (string?)c["status"] == "True").Select(c => (string?)c["type"]).ToHashSet();
        return string.Create(CultureInfo.InvariantCulture, $"{gates.Count(trueConditions.Contains)}/{gates.Count}");
    }

    private static string ExternalIps(JsonObject service)
    {
        var addresses = (service["spec"]?["externalIPs"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToList();
        if ((string?)service["spec"]?["type"] == "LoadBalancer")
        {
            addresses.AddRange(Items(service["status"]?["loadBalancer"]?["ingress"]).Select(i => (string?)i["ip"] ?? (string?)i["hostname"]).OfType<string>());
            if (addresses.Count == 0)
            {
                return "<pending>";
            }
        }

        return addresses.Count == 0 ? None : string.Join(',', addresses);
    }

    private static string ServicePorts(JsonObject service)
    {
        var ports = Items(service["spec"]?["ports"]).Select(p =>
        {
            var port = JsonPaths.AsLong(p["port"]) ?? 0;
            var protocol = (string?)p["protocol"] ?? "TCP";
            return JsonPaths.AsLong(p["nodePort"]) is { } nodePort
                ? string.Create(CultureInfo.InvariantCulture, $"{port}:{nodePort}/{protocol}")
                : string.Create(CultureInfo.InvariantCulture, $"{port}/{protocol}");
        }).ToList();
        return ports.Count == 0 ? None : string.Join(',', ports);
    }

    private static string MapText(JsonObject? map) =>
        map is null || map.Count == 0 ? None : string.Join(',', map.Select(kv => $"{kv.Key}={(string?)kv.Value}"));

    private static string Containers(JsonObject replicaSet, string field) =>
        string.Join(',', Items(replicaSet["spec"]?["template"]?["spec"]?["containers"]).Select(c => (string?)c[field] ?? ""));

    private static string IngressHosts(JsonObject ingress)
    {
        var hosts = Items(ingress["spec"]?["rules"]).Select(r => (string?)r["host"]).OfType<string>().Where(h => h.Length > 0).ToList();
        return hosts.Count == 0 ? "*" : string.Join(',', hosts);
    }

    private static string LoadBalancerAddresses(JsonObject obj)
    {
        var addresses = Items(obj["status"]?["loadBalancer"]?["ingress"]).Select(i => (string?)i["ip"] ?? (string?)i["hostname"]).OfType<string>().ToList();
        return string.Join(',', addresses);
    }
}
