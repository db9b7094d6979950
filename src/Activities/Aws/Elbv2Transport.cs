namespace RolloutWorkflows.Activities.Aws;

using Polly;
using Polly.Retry;
using Polly.Timeout;

/// <summary>Sends one Query request: rate limit, per-attempt timeout, and operation-level retries with full-jitter
/// exponential backoff (base <see cref="Elbv2ClientOptions.RetryBaseDelay"/>, or <see cref="Elbv2ClientOptions.ThrottleBaseDelay"/>
/// after throttling, capped at <see cref="Elbv2ClientOptions.MaxRetryDelay"/>) for throttling, 5xx, malformed
/// responses and network errors. Every attempt builds, signs and parses a fresh request.</summary>
public sealed class Elbv2Transport
{
    private static ResiliencePropertyKey<string> OperationKey { get; } = new("elbv2.operation");

    private readonly HttpClient httpClient;
    private readonly Elbv2Metrics metrics;
    private readonly Elbv2ClientOptions options;
    private readonly ResiliencePipeline pipeline;

    public Elbv2Transport(HttpClient httpClient, Elbv2ClientOptions options, Elbv2RateLimiter rateLimiter, Elbv2Metrics metrics, TimeProvider? timeProvider = null)
    {
        options.Validate();
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The ELBv2 HttpClient needs a BaseAddress (the resolved endpoint); use AddElbv2Client or Elbv2Client.Create.", nameof(httpClient));
        }

        this.httpClient = httpClient;
        this.options = options;
        this.metrics = metrics;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = new PredicateBuilder()
                    .Handle<Elbv2Exception>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.AttemptNumber, args.Outcome.Exception)),
                OnRetry = args =>
                {
                    metrics.RecordRetry(args.Context.Properties.GetValue(OperationKey, "unknown"));
                    return default;
                },
            });
        }

        pipeline = builder
            .AddRateLimiter(rateLimiter.Limiter)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => httpClient.BaseAddress!;

    /// <summary>Client settings (page size and so on).</summary>
    public Elbv2ClientOptions Options => options;

    /// <summary>Sends <paramref name="request"/> with retries and returns what <paramref name="parse"/> reads from its
    /// result element. Parsing runs inside the attempt, so a malformed 200 response is retried like a 5xx.</summary>
    public async Task<T> SendAsync<T>(Elbv2QueryRequest request, Func<Elbv2Result, T> parse, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, request.Action);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Request, state.Parse, ctx.CancellationToken),
                context,
                (Self: this, Request: request, Parse: parse));
        }
        catch (TimeoutRejectedException e)
        {
            // Every attempt timed out: report it in our error type so callers handle one kind of AWS failure.
            throw new Elbv2Exception(request.Action, "RequestTimeout", "Receiver", System.Net.HttpStatusCode.GatewayTimeout, null, $"no answer within {options.AttemptTimeout} on each of {options.MaxAttempts} attempts", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Full jitter: uniform in [0, min(cap, base * 2^attempt)]; the base is larger after throttling.</summary>
    private TimeSpan Backoff(int attempt, Exception? error)
    {
        var baseDelay = error is Elbv2Exception { IsThrottling: true } ? options.ThrottleBaseDelay : options.RetryBaseDelay;
        var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private async ValueTask<T> AttemptAsync<T>(Elbv2QueryRequest request, Func<Elbv2Result, T> parse, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = request.ToContent() };
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException)
        {
            metrics.RecordRequest(request.Action, Elbv2RequestOutcome.NetworkError);
            throw;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    var result = parse(Elbv2ResponseParser.ParseResult(request.Action, body, response.StatusCode));
                    metrics.RecordRequest(request.Action, Elbv2RequestOutcome.Success);
                    return result;
                }
                catch (Elbv2Exception)
                {
                    metrics.RecordRequest(request.Action, Elbv2RequestOutcome.ServerError);
                    throw;
                }
            }

            var error = Elbv2ResponseParser.ParseError(request.Action, body, response.StatusCode);
            metrics.RecordRequest(request.Action, error.IsThrottling ? Elbv2RequestOutcome.Throttled
                : (int)response.StatusCode >= 500 ? Elbv2RequestOutcome.ServerError : Elbv2RequestOutcome.ClientError);
            throw error;
        }
    }
}
