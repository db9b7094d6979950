namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>
/// Runs callbacks when the server clock reaches their due time, on one background loop under the engine
/// lock. With time skipping on and unlocked, whenever nothing is running it moves the clock straight to
/// the next due time instead of waiting.
/// </summary>
internal sealed class TimerScheduler(SandboxEngine engine) : IAsyncDisposable
{
    private static TimeSpan MaxWait => TimeSpan.FromSeconds(30);

    private readonly PriorityQueue<ScheduledCallback, (DateTime Due, long Sequence)> queue = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stop = new();
    private long sequence;
    private Task loop = Task.CompletedTask;

    /// <summary>Gets or sets how many TestService locks currently forbid skipping (guarded by the engine lock).</summary>
    public int SkipLocks { get; set; }

    public ScheduledCallback Schedule(DateTime due, Action action)
    {
        var callback = new ScheduledCallback(due, action);
        queue.Enqueue(callback, (due, sequence++));
        Wake();
        return callback;
    }

    /// <summary>Re-evaluates due times and idleness soon; called after anything that may change them.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    public void Start() => loop = Task.Run(() => RunAsync(stop.Token));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            lock (engine.Gate)
            {
                wait = FireDue();
            }

            try
            {
                await wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan FireDue()
    {
        while (true)
        {
            while (queue.TryPeek(out var canceled, out _) && canceled.IsCanceled)
            {
                queue.Dequeue();
            }

            if (!queue.TryPeek(out var next, out _))
            {
                return Timeout.InfiniteTimeSpan;
            }

            var now = engine.Clock.Now;
            if (next.Due <= now)
            {
                queue.Dequeue();
                try
                {
                    next.Fire();
                }
                catch (Exception error) when (error is InvalidOperationException or ArgumentException or KeyNotFoundException)
                {
                    // A broken callback must not stop every other timer of the server.
                    Console.Error.WriteLine($"Temporal sandbox: scheduled callback failed: {error}");
                }

                continue;
            }

            if (SkipLocks == 0 && engine.CanSkipTime())
            {
                engine.Clock.AdvanceTo(next.Due);
                continue;
            }

            var delay = next.Due - now;
            return delay > MaxWait ? MaxWait : delay;
        }
    }
}
