namespace RolloutWorkflows.Sandbox.Kubernetes.Faults;

using RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// Faults on demand for reliability tests: failing answers with proper Status bodies (429 with
/// Retry-After), added latency, and dropping every open watch. Checked before a request touches the store,
/// so a failed request never writes.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int Left)> rules = [];
    private readonly Random random;
    private readonly Action dropWatches;
    private (TimeSpan Delay, string? Verb, string? Resource)? latency;

    public FaultInjector(int? seed, Action dropWatches)
    {
        random = new Random(seed ?? 1);
        this.dropWatches = dropWatches;
    }

    /// <summary>Gets how many requests were answered with an injected fault.</summary>
    public int Injected { get; private set; }

    public void Add(FaultRule rule)
    {
        if (rule.StatusCode is not (409 or 429 or 500 or 503))
        {
            throw new ArgumentException($"FaultRule.StatusCode {rule.StatusCode} is not supported: use 409, 429, 500 or 503", nameof(rule));
        }

        lock (gate)
        {
            rules.Add((rule, rule.Count ?? int.MaxValue));
        }
    }

    /// <summary>Fails the next <paramref name="count"/> requests with the verb on the resource.</summary>
    public void FailNext(string verb, string resource, int statusCode, int count = 1) =>
        Add(new FaultRule { Verb = verb, Resource = resource, StatusCode = statusCode, Count = count });

    /// <summary>Delays matching requests by <paramref name="delay"/> (real time); null matchers match all.</summary>
    public void AddLatency(TimeSpan delay, string? verb = null, string? resource = null)
    {
        lock (gate)
        {
            latency = (delay, verb, resource);
        }
    }

    public void DropAllWatches() => dropWatches();

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            latency = null;
        }
    }

    /// <summary>The delay to add before answering this request.</summary>
    public TimeSpan LatencyFor(string verb, string resource)
    {
        lock (gate)
        {
            return latency is { } l && (l.Verb is null || l.Verb == verb) && (l.Resource is null || l.Resource == resource)
                ? l.Delay
                : TimeSpan.Zero;
        }
    }

    /// <summary>The injected error for this request, or null to serve it normally.</summary>
    public KubernetesApiException? Check(string verb, ResourceType type, string? ns, string? name)
    {
        lock (gate)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var (rule, left) = rules[i];
                if (left <= 0 || !rule.Matches(verb, type.Plural, ns, name) || random.NextDouble() >= rule.Share)
                {
                    continue;
                }

                rules[i] = (rule, left - 1);
                Injected++;
                return Error(rule, type, name ?? "");
            }

            return null;
        }
    }

    private static KubernetesApiException Error(FaultRule rule, ResourceType type, string name)
    {
        switch (rule.StatusCode)
        {
            case 409:
                return KubernetesApiException.StaleResourceVersion(type, name);
            case 429:
                var tooMany = new KubernetesApiException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later",
                    new System.Text.Json.Nodes.JsonObject { ["retryAfterSeconds"] = rule.RetryAfterSeconds });
                tooMany.Headers["Retry-After"] = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return tooMany;
            case 503:
                return new KubernetesApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request");
            default:
                return new KubernetesApiException(500, "InternalError", "Internal error occurred: injected fault (sandbox fault injector)");
        }
    }
}
