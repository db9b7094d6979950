namespace RolloutWorkflows.Activities.Aws;

using System.Threading.RateLimiting;

/// <summary>The client-side token bucket every ELBv2 request of the process draws from (AWS meters the account and
/// region as a whole, so one bucket per process and region keeps us a polite tenant). Requests wait in a queue
/// for a token instead of failing.</summary>
public sealed class Elbv2RateLimiter : IDisposable
{
    public Elbv2RateLimiter(RateLimiter limiter) => Limiter = limiter;

    /// <summary>The limiter requests acquire one permit from.</summary>
    public RateLimiter Limiter { get; }

    /// <summary>A token bucket of <see cref="Elbv2ClientOptions.Burst"/> tokens refilled at <see cref="Elbv2ClientOptions.RateLimit"/> per second.
    /// With <paramref name="autoReplenishment"/> false the bucket refills only when <see cref="TokenBucketRateLimiter.TryReplenish"/>
    /// is called (one period's worth each time), which lets tests count waiting callers without clocks.</summary>
    public static Elbv2RateLimiter FromOptions(Elbv2ClientOptions options, bool autoReplenishment = true)
    {
        // Refill in small periods so a 10/s bucket does not release 10 calls at once every second.
        var period = TimeSpan.FromMilliseconds(100);
        var perPeriod = Math.Max(1, (int)Math.Round(options.RateLimit * period.TotalSeconds));
        period = TimeSpan.FromSeconds(perPeriod / options.RateLimit);
        return new Elbv2RateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            AutoReplenishment = autoReplenishment,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <inheritdoc />
    public void Dispose() => Limiter.Dispose();
}
