namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The objects a revision names, with the field that names each: what must exist before the update writes
/// anything (B5 checks Services and Ingresses; we also check the ports and rules the ALB action relies on).
/// </summary>
public static class RolloutReferences
{
    public static CheckReferencesInput Of(RolloutRevision revision)
    {
        var spec = revision.Spec;
        var services = new List<ServiceReference>();
        var ingresses = new List<IngressReference>();
        if (spec.Canary is { } canary)
        {
            const string path = "spec.strategy.canary";
            var port = canary.Alb?.ServicePort;
            Add(services, $"{path}.canaryService", canary.PingPong is null ? canary.CanaryService : null, port);
            Add(services, $"{path}.stableService", canary.PingPong is null ? canary.StableService : null, port);
            Add(services, $"{path}.pingPong.pingService", canary.PingPong?.PingService, port);
            Add(services, $"{path}.pingPong.pongService", canary.PingPong?.PongService, port);
            if (canary.Alb is { } alb && canary.ActionService is { Length: > 0 } actionService)
            {
                for (var i = 0; i < alb.Ingresses.Count; i++)
                {
                    var field = alb.Ingresses.Count == 1 ? $"{path}.trafficRouting.alb.ingress" : $"{path}.trafficRouting.alb.ingresses[{i}]";
                    ingresses.Add(new IngressReference(field, alb.Ingresses[i], actionService, alb.AnnotationPrefix));
                }
            }
        }

        if (spec.BlueGreen is { } blueGreen)
        {
            Add(services, "spec.strategy.blueGreen.activeService", blueGreen.ActiveService, null);
            Add(services, "spec.strategy.blueGreen.previewService", blueGreen.PreviewService, null);
        }

        return new CheckReferencesInput(spec.Namespace, spec.Name, services, ingresses, revision.Settings.VerifyTargetGroups);
    }

    private static void Add(List<ServiceReference> services, string field, string? name, int? port)
    {
        if (!string.IsNullOrEmpty(name))
        {
            services.Add(new ServiceReference(field, name, port));
        }
    }
}
