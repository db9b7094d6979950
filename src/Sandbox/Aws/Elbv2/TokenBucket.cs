namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// A token bucket as AWS documents for ELB API throttling: <see cref="Capacity"/> tokens, refilled
/// continuously at <see cref="RefillPerSecond"/>; one token per call. Thread-safe.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private double tokens;
    private DateTimeOffset last;

    /// <summary>Initializes a new instance of the <see cref="TokenBucket"/> class, full.</summary>
    public TokenBucket(int capacity, double refillPerSecond, TimeProvider timeProvider)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Bucket capacity must be at least 1.");
        }

        if (refillPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(refillPerSecond), refillPerSecond, "Refill rate must not be negative.");
        }

        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        this.timeProvider = timeProvider;
        tokens = capacity;
        last = timeProvider.GetUtcNow();
    }

    /// <summary>Gets the burst size.</summary>
    public int Capacity { get; }

    /// <summary>Gets the refill rate in tokens per second.</summary>
    public double RefillPerSecond { get; }

    /// <summary>Takes one token; false when the bucket is empty.</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var elapsed = Math.Max(0, (now - last).TotalSeconds);
            tokens = Math.Min(Capacity, tokens + (elapsed * RefillPerSecond));
            last = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
