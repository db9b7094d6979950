namespace RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>Accumulates outcomes in total and per time bucket (guarded by the simulator's lock).</summary>
internal sealed class TrafficTally
{
    private readonly TimeSpan width;
    private readonly SortedDictionary<long, Bucket> buckets = [];
    private readonly Dictionary<int, long> byStatus = [];
    private readonly Dictionary<string, long> byReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byRevision = new(StringComparer.Ordinal);
    private DateTimeOffset origin;
    private long total;
    private long failures;

    public TrafficTally(DateTimeOffset origin, TimeSpan width)
    {
        this.origin = origin;
        this.width = width;
    }

    public void Record(DateTimeOffset at, RequestOutcome outcome)
    {
        total++;
        failures += outcome.Failed ? 1 : 0;
        byStatus[outcome.Status] = byStatus.GetValueOrDefault(outcome.Status) + 1;
        byReason[outcome.Reason] = byReason.GetValueOrDefault(outcome.Reason) + 1;
        var index = Math.Max(0, (at - origin).Ticks / width.Ticks);
        if (!buckets.TryGetValue(index, out var bucket))
        {
            bucket = new Bucket();
            buckets[index] = bucket;
        }

        bucket.Total++;
        bucket.Failures += outcome.Failed ? 1 : 0;
        if (outcome.Revision is { } revision)
        {
            byRevision[revision] = byRevision.GetValueOrDefault(revision) + 1;
            bucket.ByRevision[revision] = bucket.ByRevision.GetValueOrDefault(revision) + 1;
        }
    }

    public TrafficReport Report() => new(
        total,
        failures,
        new Dictionary<int, long>(byStatus),
        new Dictionary<string, long>(byReason, StringComparer.Ordinal),
        new Dictionary<string, long>(byRevision, StringComparer.Ordinal),
        [.. buckets.Select(b => new TrafficSample(origin + (width * b.Key), b.Value.Total, b.Value.Failures, new Dictionary<string, long>(b.Value.ByRevision, StringComparer.Ordinal)))]);

    public void Reset(DateTimeOffset newOrigin)
    {
        origin = newOrigin;
        total = 0;
        failures = 0;
        buckets.Clear();
        byStatus.Clear();
        byReason.Clear();
        byRevision.Clear();
    }

    private sealed class Bucket
    {
        public long Total { get; set; }

        public long Failures { get; set; }

        public Dictionary<string, long> ByRevision { get; } = new(StringComparer.Ordinal);
    }
}
