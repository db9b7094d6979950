namespace RolloutWorkflows.Activities.Aws;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

/// <summary>Counts ELBv2 HTTP requests per operation, both as <see cref="System.Diagnostics.Metrics"/>
/// counters (meter <see cref="MeterName"/>) and as a readable <see cref="Snapshot"/> for tests and summaries.
/// Every HTTP attempt counts: that is what draws on the account's shared AWS rate limit.</summary>
public sealed class Elbv2Metrics : IDisposable
{
    /// <summary>The meter name to subscribe to (OpenTelemetry, dotnet-counters).</summary>
    public const string MeterName = "RolloutWorkflows.Elbv2";

    private readonly Meter meter;
    private readonly Counter<long> requests;
    private readonly Counter<long> throttled;
    private readonly Counter<long> retries;
    private readonly ConcurrentDictionary<string, long> requestCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> throttledCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> errorCounts = new(StringComparer.Ordinal);
    private long retryCount;

    public Elbv2Metrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        requests = meter.CreateCounter<long>("rollout.elbv2.requests", "{request}", "ELBv2 HTTP requests sent, by operation and outcome");
        throttled = meter.CreateCounter<long>("rollout.elbv2.throttled", "{request}", "ELBv2 requests answered with a throttling error");
        retries = meter.CreateCounter<long>("rollout.elbv2.retries", "{retry}", "ELBv2 requests retried after a transient error");
    }

    /// <summary>Records one HTTP request of <paramref name="operation"/> and its outcome.</summary>
    public void RecordRequest(string operation, Elbv2RequestOutcome outcome)
    {
        requestCounts.AddOrUpdate(operation, 1, (_, n) => n + 1);
        requests.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        if (outcome == Elbv2RequestOutcome.Throttled)
        {
            throttledCounts.AddOrUpdate(operation, 1, (_, n) => n + 1);
            throttled.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
        else if (outcome != Elbv2RequestOutcome.Success)
        {
            errorCounts.AddOrUpdate(operation, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Records that an operation is retried.</summary>
    public void RecordRetry(string operation)
    {
        Interlocked.Increment(ref retryCount);
        retries.Add(1, new KeyValuePair<string, object?>("operation", operation));
    }

    /// <summary>A consistent-enough copy of the counters (each counter is read atomically).</summary>
    public Elbv2CallSnapshot Snapshot() => new(
        new Dictionary<string, long>(requestCounts, StringComparer.Ordinal),
        new Dictionary<string, long>(throttledCounts, StringComparer.Ordinal),
        new Dictionary<string, long>(errorCounts, StringComparer.Ordinal),
        Interlocked.Read(ref retryCount));

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();
}

/// <summary>The outcome of one ELBv2 HTTP request.</summary>
public enum Elbv2RequestOutcome
{
    Success,
    Throttled,
    ServerError,
    ClientError,
    NetworkError,
}
