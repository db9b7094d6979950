namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Globalization;
using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// The pure core of the LBC simulator: Ingresses, Services and EndpointSlices in, the ALBs the real
/// controller would build out. No I/O, no clock; the same snapshot always gives the same model.
/// </summary>
public static class AlbModelBuilder
{
    /// <summary>The message of the 503 answered for a `use-annotation` backend whose action annotation is missing.</summary>
    public const string MissingActionMessage = "Backend action does not exist";

    /// <summary>The message of the 503 answered when a backend Service (or its port) does not exist.</summary>
    public const string MissingServiceMessage = "Backend service does not exist";

    /// <summary>Builds the ALB of every Ingress of a served class, ordered by namespace/name.</summary>
    public static IReadOnlyList<DesiredAlb> Build(LbcSnapshot snapshot, LbcSimulatorOptions options, Elbv2Arns arns) =>
        [.. snapshot.Ingresses
            .Where(i => i.Metadata?.Name is not null && IngressClassFilter.IsServed(i, options.IngressClasses))
            .OrderBy(i => i.Metadata.NamespaceProperty ?? "default", StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal)
            .Select(i => BuildOne(snapshot, i, options, arns))];

    private static DesiredAlb BuildOne(LbcSnapshot snapshot, V1Ingress ingress, LbcSimulatorOptions options, Elbv2Arns arns)
    {
        var ns = ingress.Metadata.NamespaceProperty ?? "default";
        var name = ingress.Metadata.Name;
        var annotations = ingress.Metadata.Annotations ?? new Dictionary<string, string>();
        var scheme = K8sMaps.Value(annotations, $"{options.AnnotationPrefix}/scheme") ?? options.DefaultScheme;
        var lbName = LbcNames.LoadBalancer(options.ClusterName, ns, name, scheme);
        var created = ingress.Metadata.CreationTimestamp is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
        var lb = new Elbv2LoadBalancer(arns.LoadBalancer(lbName), lbName, arns.DnsName(lbName, scheme), scheme, created);
        var listenerArn = arns.Listener(lb.Arn, 80);
        var collector = new TargetGroupCollector(snapshot, ns, name, options.ClusterName, arns);
        var problems = new List<string>();
        var context = new ActionContext(annotations, options.AnnotationPrefix, collector, problems);

        var rules = new List<Elbv2Rule>();
        foreach (var rule in ingress.Spec?.Rules ?? [])
        {
            foreach (var path in IngressPaths.Sorted(rule.Http?.Paths ?? []))
            {
                var priority = rules.Count + 1;
                rules.Add(new Elbv2Rule(
                    arns.Rule(listenerArn, priority.ToString(CultureInfo.InvariantCulture)),
                    listenerArn,
                    priority,
                    IngressPaths.Conditions(rule.Host, path),
                    [ActionFor(path.Backend, context)]));
            }
        }

        var defaultAction = ingress.Spec?.DefaultBackend is { } backend ? ActionFor(backend, context) : Elbv2Action.Fixed(404);
        var listener = new Elbv2Listener(listenerArn, lb.Arn, 80, "HTTP", [defaultAction]);
        var lbTags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["elbv2.k8s.aws/cluster"] = options.ClusterName,
            ["ingress.k8s.aws/stack"] = $"{ns}/{name}",
            ["ingress.k8s.aws/resource"] = "LoadBalancer",
        };
        return new DesiredAlb(ns, name, lb, lbTags, listener, rules, collector.All, problems);
    }

    private static Elbv2Action ActionFor(V1IngressBackend? backend, ActionContext context)
    {
        var service = backend?.Service;
        if (service?.Name is null)
        {
            return context.Unavailable($"a backend has no service; resource backends are not emulated", MissingServiceMessage);
        }

        if (service.Port?.Name == "use-annotation")
        {
            return AnnotatedAction(service.Name, context);
        }

        var port = service.Port?.Number?.ToString(CultureInfo.InvariantCulture) ?? service.Port?.Name ?? "";
        var group = context.Collector.Get(service.Name, port);
        return group is null
            ? context.Unavailable($"service {service.Name}:{port} does not exist", MissingServiceMessage)
            : Elbv2Action.ForwardTo(new Elbv2ForwardConfig([new(group.TargetGroup.Arn, 1)]));
    }

    private static Elbv2Action AnnotatedAction(string actionName, ActionContext context)
    {
        var key = $"{context.Prefix}/actions.{actionName}";
        if (!context.Annotations.TryGetValue(key, out var json))
        {
            return context.Unavailable($"annotation {key} does not exist", MissingActionMessage);
        }

        var parsed = ActionAnnotation.Parse(json);
        if (parsed.Error is not null)
        {
            return context.Unavailable($"annotation {key} is invalid: {parsed.Error}", MissingActionMessage);
        }

        if (parsed.FixedResponse is { } fixedResponse)
        {
            return new Elbv2Action("fixed-response", 1) { FixedResponse = fixedResponse };
        }

        var weighted = new List<Elbv2WeightedTargetGroup>();
        foreach (var tuple in parsed.Tuples)
        {
            var arn = tuple.TargetGroupArn ?? context.Collector.Get(tuple.ServiceName!, tuple.ServicePort!)?.TargetGroup.Arn;
            if (arn is null)
            {
                return context.Unavailable($"annotation {key}: service {tuple.ServiceName}:{tuple.ServicePort} does not exist", MissingServiceMessage);
            }

            weighted.Add(new Elbv2WeightedTargetGroup(arn, tuple.Weight));
        }

        return Elbv2Action.ForwardTo(new Elbv2ForwardConfig(weighted, parsed.StickinessEnabled, parsed.StickinessDurationSeconds));
    }

    private sealed record ActionContext(IDictionary<string, string> Annotations, string Prefix, TargetGroupCollector Collector, List<string> Problems)
    {
        public Elbv2Action Unavailable(string problem, string message)
        {
            Problems.Add(problem);
            return Elbv2Action.Fixed(503, message);
        }
    }
}
