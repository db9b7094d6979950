namespace RolloutWorkflows.Activities.Aws;

using System.Collections.Concurrent;

/// <summary>A small time-to-live cache with single-flight loading: concurrent callers asking for the same missing
/// key share one load (one AWS call). Failed loads are not cached.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The cached value type.</typeparam>
public sealed class TtlCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan ttl;

    public TtlCache(TimeSpan ttl, TimeProvider timeProvider, IEqualityComparer<TKey>? comparer = null)
    {
        this.ttl = ttl;
        this.timeProvider = timeProvider;
        entries = new ConcurrentDictionary<TKey, Entry>(comparer ?? EqualityComparer<TKey>.Default);
    }

    /// <summary>The cached value of <paramref name="key"/>, loading it (once, for all concurrent callers) when absent or expired.</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var candidate = new Entry(now + ttl);
            var entry = entries.GetOrAdd(key, candidate);
            if (ReferenceEquals(entry, candidate))
            {
                // We won the race: run the load detached from this caller's token so its cancellation
                // does not fail the other callers waiting on the same entry.
                _ = RunLoadAsync(key, entry, load);
            }
            else if (entry.Completion.Task.IsCompleted && (!entry.Completion.Task.IsCompletedSuccessfully || entry.ExpiresAt <= now))
            {
                entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
                continue;
            }

            return await entry.Completion.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The cached value if present and fresh.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.HasValue && entry.ExpiresAt > timeProvider.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Stores a value loaded elsewhere (e.g. tags fetched in a batch).</summary>
    public void Set(TKey key, TValue value)
    {
        var entry = new Entry(timeProvider.GetUtcNow() + ttl);
        entry.Complete(value);
        entries[key] = entry;
    }

    /// <summary>Forgets <paramref name="key"/>; the next read loads it again.</summary>
    public void Invalidate(TKey key) => entries.TryRemove(key, out _);

    /// <summary>Forgets everything.</summary>
    public void Clear() => entries.Clear();

    private async Task RunLoadAsync(TKey key, Entry entry, Func<TKey, CancellationToken, Task<TValue>> load)
    {
        try
        {
            entry.Complete(await load(key, CancellationToken.None));
        }
        catch (Exception e)
        {
            // Not cached: the next caller loads again.
            entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            entry.Completion.TrySetException(e);
        }
    }

    private sealed class Entry(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public TaskCompletionSource<TValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool HasValue { get; private set; }

        public TValue Value { get; private set; } = default!;

        public void Complete(TValue value)
        {
            Value = value;
            HasValue = true;
            Completion.TrySetResult(value);
        }
    }
}
