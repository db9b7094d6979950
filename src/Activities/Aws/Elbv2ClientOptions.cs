namespace RolloutWorkflows.Activities.Aws;

/// <summary>Settings of the ELBv2 client, bindable from configuration section <see cref="SectionName"/>.
/// Every value has a production default; see docs/aws-client.md.</summary>
public sealed class Elbv2ClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Aws:Elbv2";

    /// <summary>AWS region, e.g. <c>us-west-2</c>. Null: the SDK's chain (AWS_REGION, profile, IMDS).</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint URL override. Null: AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2, then AWS_ENDPOINT_URL, then the standard endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Client-side token bucket refill rate, calls per second, shared by every caller in the process.</summary>
    public double RateLimit { get; set; } = 10;

    /// <summary>Client-side token bucket size (calls that may go out at once after a quiet period).</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Attempts per operation page (first try included) for throttling, 5xx and network errors.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Base of the full-jitter exponential backoff after ordinary transient errors.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Base of the backoff after a throttling error (AWS SDK standard mode uses 1 s).</summary>
    public TimeSpan ThrottleBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>PageSize sent on every paginated call (1-400).</summary>
    public int PageSize { get; set; } = 400;

    /// <summary>How long a DNS name -> load balancer mapping is cached.</summary>
    public TimeSpan LoadBalancerCacheTtl { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a load balancer's listeners are cached.</summary>
    public TimeSpan ListenersCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a load balancer's target groups are cached.</summary>
    public TimeSpan TargetGroupsCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a target group's tags are cached (LBC uses 20 minutes).</summary>
    public TimeSpan TagsCacheTtl { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting and how to fix it.</summary>
    public void Validate()
    {
        if (Endpoint is { Length: > 0 } endpoint && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"{SectionName}:Endpoint '{endpoint}' is not an absolute http(s) URL; use e.g. https://elasticloadbalancing.us-west-2.amazonaws.com.", nameof(Endpoint));
        }

        Require(RateLimit > 0, nameof(RateLimit), $"{RateLimit} must be > 0 calls per second (default 10)");
        Require(Burst >= 1, nameof(Burst), $"{Burst} must be >= 1 (default 20)");
        Require(MaxAttempts >= 1, nameof(MaxAttempts), $"{MaxAttempts} must be >= 1 (default 5)");
        Require(PageSize is >= 1 and <= 400, nameof(PageSize), $"{PageSize} must be between 1 and 400 (default 400)");
        Require(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), "must not be negative");
        Require(ThrottleBaseDelay >= TimeSpan.Zero, nameof(ThrottleBaseDelay), "must not be negative");
        Require(MaxRetryDelay >= TimeSpan.Zero, nameof(MaxRetryDelay), "must not be negative");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive (default 00:00:15)");
        Require(LoadBalancerCacheTtl >= TimeSpan.Zero, nameof(LoadBalancerCacheTtl), "must not be negative");
        Require(ListenersCacheTtl >= TimeSpan.Zero, nameof(ListenersCacheTtl), "must not be negative");
        Require(TargetGroupsCacheTtl >= TimeSpan.Zero, nameof(TargetGroupsCacheTtl), "must not be negative");
        Require(TagsCacheTtl >= TimeSpan.Zero, nameof(TagsCacheTtl), "must not be negative");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{SectionName}:{name} {problem}.", name);
        }
    }
}
