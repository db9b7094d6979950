namespace RolloutWorkflows.Activities.Aws;

using Amazon.Runtime;

/// <summary>The ELBv2 Query API over <see cref="HttpClient"/>, signed with AWSSDK.Core's SigV4 signer.
/// Paginated calls send an explicit PageSize and follow NextMarker to the end; DescribeTags and
/// ARN/name filters are chunked by 20 (the API's limit).</summary>
public sealed class Elbv2Client : IElbv2Api
{
    /// <summary>The most ARNs or names one request may carry.</summary>
    public const int MaxArnsPerRequest = 20;

    private readonly Elbv2Transport transport;

    public Elbv2Client(Elbv2Transport transport) => this.transport = transport;

    /// <summary>A client without dependency injection: resolves region and endpoint from <paramref name="options"/> and the
    /// environment, signs with <paramref name="credentials"/> (default: the SDK's default chain).
    /// The returned client owns its HttpClient for the life of the process.</summary>
    public static Elbv2Client Create(Elbv2ClientOptions options, AWSCredentials? credentials = null, Elbv2RateLimiter? rateLimiter = null, Elbv2Metrics? metrics = null, TimeProvider? timeProvider = null)
    {
        var connection = Elbv2Connection.Resolve(options, credentials);
        var http = new HttpClient(Elbv2HttpHandlers.CreateSigningHandler(connection.Credentials, connection.Region))
        {
            BaseAddress = connection.Endpoint,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new Elbv2Client(new Elbv2Transport(http, options, rateLimiter ?? Elbv2RateLimiter.FromOptions(options), metrics ?? new Elbv2Metrics(), timeProvider));
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => transport.Endpoint;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Elbv2LoadBalancer>> DescribeLoadBalancersAsync(IReadOnlyCollection<string>? names, IReadOnlyCollection<string>? loadBalancerArns, CancellationToken cancellationToken)
    {
        if (names is { Count: > 0 } && loadBalancerArns is { Count: > 0 })
        {
            throw new ArgumentException("DescribeLoadBalancers takes names or ARNs, not both.", nameof(names));
        }

        var (listName, values) = names is { Count: > 0 } ? ("Names", names) : ("LoadBalancerArns", loadBalancerArns ?? []);
        if (values.Count == 0)
        {
            return await PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeLoadBalancers), Elbv2ResponseParser.LoadBalancers, cancellationToken);
        }

        var all = new List<Elbv2LoadBalancer>();
        foreach (var chunk in values.Chunk(MaxArnsPerRequest))
        {
            all.AddRange(await PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeLoadBalancers).AddList(listName, chunk), Elbv2ResponseParser.LoadBalancers, cancellationToken));
        }

        return all;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Elbv2Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeListeners).Add("LoadBalancerArn", Required(loadBalancerArn, nameof(loadBalancerArn))), Elbv2ResponseParser.Listeners, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Elbv2Rule>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken) =>
        PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeRules).Add("ListenerArn", Required(listenerArn, nameof(listenerArn))), Elbv2ResponseParser.Rules, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Elbv2TargetGroup>> DescribeTargetGroupsAsync(string? loadBalancerArn, IReadOnlyCollection<string>? targetGroupArns, CancellationToken cancellationToken)
    {
        var byLoadBalancer = !string.IsNullOrEmpty(loadBalancerArn);
        if (byLoadBalancer == targetGroupArns is { Count: > 0 })
        {
            throw new ArgumentException("DescribeTargetGroups takes exactly one of loadBalancerArn or targetGroupArns.", nameof(loadBalancerArn));
        }

        if (byLoadBalancer)
        {
            return await PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeTargetGroups).Add("LoadBalancerArn", loadBalancerArn!), Elbv2ResponseParser.TargetGroups, cancellationToken);
        }

        var all = new List<Elbv2TargetGroup>();
        foreach (var chunk in targetGroupArns!.Chunk(MaxArnsPerRequest))
        {
            all.AddRange(await PagedAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeTargetGroups).AddList("TargetGroupArns", chunk), Elbv2ResponseParser.TargetGroups, cancellationToken));
        }

        return all;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyCollection<string> resourceArns, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in resourceArns.Distinct(StringComparer.Ordinal).Chunk(MaxArnsPerRequest))
        {
            var request = new Elbv2QueryRequest(Elbv2Operations.DescribeTags).AddList("ResourceArns", chunk);
            foreach (var (arn, tags) in await transport.SendAsync(request, Elbv2ResponseParser.Tags, cancellationToken))
            {
                all[arn] = tags;
            }
        }

        return all;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Elbv2TargetHealth>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        transport.SendAsync(new Elbv2QueryRequest(Elbv2Operations.DescribeTargetHealth).Add("TargetGroupArn", Required(targetGroupArn, nameof(targetGroupArn))), Elbv2ResponseParser.TargetHealth, cancellationToken);

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must be a non-empty ARN.", name) : value;

    private async Task<IReadOnlyList<T>> PagedAsync<T>(Elbv2QueryRequest first, Func<Elbv2Result, IReadOnlyList<T>> parse, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var request = first.WithMarker(marker).Add("PageSize", transport.Options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (var items, marker) = await transport.SendAsync(request, r => (parse(r), r.NextMarker), cancellationToken);
            all.AddRange(items);
            if (marker is not null && !seen.Add(marker))
            {
                throw new Elbv2Exception(first.Action, "MalformedResponse", "Receiver", System.Net.HttpStatusCode.BadGateway, null, $"NextMarker '{marker}' repeated; stopping to avoid an endless pagination loop");
            }
        }
        while (marker is not null);

        return all;
    }
}
