namespace RolloutWorkflows.EndToEnd.Tests.Support;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// What the load balancers really do at one moment, read from the ELBv2 emulator's store (not from the Ingress
/// annotations, which are only what was asked for): the forward weight of each Service's target group and the
/// targets registered in it. Services are named by the LBC's <c>ingress.k8s.aws/resource</c> tag.
/// </summary>
public sealed record AlbView(IReadOnlyDictionary<string, int> Weights, IReadOnlyDictionary<string, IReadOnlySet<string>> Registered)
{
    public static AlbView Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, IReadOnlySet<string>>());

    /// <summary>The weight the load balancer gives the Service's target group (0 when it is not forwarded to).</summary>
    public int WeightOf(string service) => Weights.GetValueOrDefault(service);

    /// <summary>The IPs registered (initial or healthy, not draining) in the Service's target group.</summary>
    public IReadOnlySet<string> RegisteredIn(string service) => Registered.GetValueOrDefault(service) ?? new HashSet<string>();

    public static AlbView Capture(Elbv2Store store)
    {
        var serviceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var registered = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in store.TargetGroups)
        {
            if (ServiceOf(store.GetTags(group.Arn)) is { } service)
            {
                serviceOf[group.Arn] = service;
                registered[service] = store.GetTargetHealth(group.Arn)
                    .Where(t => t.State is "initial" or "healthy")
                    .Select(t => t.Id)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var listener in store.Listeners)
        {
            var actions = store.GetRules(listener.Arn).SelectMany(r => r.Actions).Concat(listener.DefaultActions);
            foreach (var forwarded in actions.SelectMany(a => a.Forward?.TargetGroups ?? []))
            {
                if (serviceOf.TryGetValue(forwarded.TargetGroupArn, out var service))
                {
                    weights[service] = Math.Max(weights.GetValueOrDefault(service), forwarded.Weight);
                }
            }
        }

        return new AlbView(weights, registered);
    }

    /// <summary>The Service of a target group from its tags: resource <c>ns/ingress-svc:port</c> minus stack <c>ns/ingress</c>.</summary>
    private static string? ServiceOf(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("ingress.k8s.aws/stack", out var stack) || !tags.TryGetValue("ingress.k8s.aws/resource", out var resource)
            || !resource.StartsWith(stack + "-", StringComparison.Ordinal) || resource.LastIndexOf(':') <= stack.Length)
        {
            return null;
        }

        return resource[(stack.Length + 1)..resource.LastIndexOf(':')];
    }

    public override string ToString() =>
        string.Join(", ", Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value} ({RegisteredIn(w.Key).Count} registered)"));
}
