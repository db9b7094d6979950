namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Globalization;
using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Builds, once each, the target groups an Ingress's backends need, with their IP-mode targets.</summary>
internal sealed class TargetGroupCollector
{
    private readonly LbcSnapshot snapshot;
    private readonly string ingressNamespace;
    private readonly string ingressName;
    private readonly string clusterName;
    private readonly Elbv2Arns arns;
    private readonly Dictionary<(string Service, string Port), DesiredTargetGroup> groups = [];

    public TargetGroupCollector(LbcSnapshot snapshot, string ingressNamespace, string ingressName, string clusterName, Elbv2Arns arns)
    {
        this.snapshot = snapshot;
        this.ingressNamespace = ingressNamespace;
        this.ingressName = ingressName;
        this.clusterName = clusterName;
        this.arns = arns;
    }

    public IReadOnlyList<DesiredTargetGroup> All => [.. groups.Values];

    /// <summary>Gets the target group of a Service port, or null when the Service or its port does not exist.</summary>
    public DesiredTargetGroup? Get(string serviceName, string port)
    {
        if (groups.TryGetValue((serviceName, port), out var known))
        {
            return known;
        }

        var service = snapshot.Services.FirstOrDefault(s => s.Metadata?.NamespaceProperty == ingressNamespace && s.Metadata.Name == serviceName);
        var servicePort = service?.Spec?.Ports?.FirstOrDefault(p => p.Port.ToString(CultureInfo.InvariantCulture) == port || p.Name == port);
        if (service is null || servicePort is null)
        {
            return null;
        }

        // IP mode: the numeric targetPort, or 1 when the targetPort is a name (resolved per endpoint).
        var target = servicePort.TargetPort?.Value ?? servicePort.Port.ToString(CultureInfo.InvariantCulture);
        var tgPort = int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var name = LbcNames.TargetGroup(clusterName, ingressNamespace, ingressName, serviceName, service.Metadata.Uid, port, tgPort);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["elbv2.k8s.aws/cluster"] = clusterName,
            ["ingress.k8s.aws/stack"] = $"{ingressNamespace}/{ingressName}",
            ["ingress.k8s.aws/resource"] = $"{ingressNamespace}/{ingressName}-{serviceName}:{port}",
        };
        var group = new DesiredTargetGroup(
            new Elbv2TargetGroup(arns.TargetGroup(name), name, "HTTP", tgPort, "ip"),
            tags,
            ingressNamespace,
            serviceName,
            port,
            Targets(serviceName, servicePort.Name));
        groups[(serviceName, port)] = group;
        return group;
    }

    private List<Elbv2TargetId> Targets(string serviceName, string? portName)
    {
        var targets = new SortedSet<Elbv2TargetId>(Comparer<Elbv2TargetId>.Create((a, b) =>
            string.CompareOrdinal(a.Id, b.Id) is var byId && byId != 0 ? byId : a.Port.CompareTo(b.Port)));
        var slices = snapshot.EndpointSlices.Where(s => s.Metadata?.NamespaceProperty == ingressNamespace
            && K8sMaps.Value(s.Metadata.Labels, "kubernetes.io/service-name") == serviceName);
        foreach (var slice in slices)
        {
            var slicePort = slice.Ports?.FirstOrDefault(p => (p.Name ?? "") == (portName ?? ""))?.Port;
            if (slicePort is null)
            {
                continue;
            }

            // Ready is unset for "unknown", which consumers must treat as ready. Like the LBC's endpoint resolver,
            // a not-ready pod whose containers are all ready is registered too: its readiness gate waits for that.
            foreach (var endpoint in (slice.Endpoints ?? []).Where(e => e.Conditions?.Ready != false || ContainersReady(e)))
            {
                foreach (var address in endpoint.Addresses ?? Enumerable.Empty<string>())
                {
                    targets.Add(new Elbv2TargetId(address, slicePort.Value));
                }
            }
        }

        return [.. targets];
    }

    private bool ContainersReady(V1Endpoint endpoint)
    {
        if (endpoint.Conditions?.Terminating == true || endpoint.TargetRef is not { Kind: "Pod" } target)
        {
            return false;
        }

        var pod = snapshot.Pods.FirstOrDefault(p => p.Metadata.NamespaceProperty == ingressNamespace && p.Metadata.Name == target.Name);
        return pod is not null && pod.Metadata.DeletionTimestamp is null
            && pod.Status?.Conditions?.Any(c => c.Type == "ContainersReady" && c.Status == "True") == true;
    }
}
