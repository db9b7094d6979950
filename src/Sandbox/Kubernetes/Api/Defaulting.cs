namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text.Json.Nodes;

/// <summary>
/// The few defaults the apiserver fills on create that clients and our controllers rely on:
/// initial status of namespaces, pods and services, Service ports and cluster IP, ReplicaSet replicas.
/// </summary>
public sealed class Defaulting
{
    private int nextClusterIp = 10;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        switch (type.Kind)
        {
            case "Namespace" when type.Group.Length == 0:
                obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "Pod" when type.Group.Length == 0:
                obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
            case "Service" when type.Group.Length == 0:
                DefaultService(obj);
                break;
            case "ReplicaSet":
                var spec = obj["spec"] as JsonObject ?? [];
                obj["spec"] = spec;
                spec["replicas"] ??= 1;
                break;
        }
    }

    private void DefaultService(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        obj["spec"] = spec;
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        if (spec["clusterIP"] is null && (string?)spec["type"] != "ExternalName")
        {
            // Data only: 10.96.0.0/12 is the usual service CIDR; nothing listens there.
            var ip = $"10.96.{nextClusterIp / 250}.{(nextClusterIp % 250) + 1}";
            nextClusterIp++;
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }

        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }

        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }
}
