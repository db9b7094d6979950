namespace RolloutWorkflows.Sandbox.Aws.Traffic;

using k8s;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// Sends synthetic requests through the emulated ALB, in process and without a network, and counts
/// what users would see. Targets are checked against Pods read from the Kubernetes API (refreshed every
/// <see cref="TrafficSimulatorOptions.SnapshotRefreshInterval"/>). Choices use a seeded Random, so the
/// same state and seed give the same outcomes.
/// </summary>
public sealed class TrafficSimulator : IAsyncDisposable
{
    private readonly IKubernetes kubernetes;
    private readonly TimeProvider time;
    private readonly AlbRouter router;
    private readonly Lock gate = new();
    private readonly TrafficTally tally;
    private TrafficSnapshot snapshot = TrafficSnapshot.Empty;
    private CancellationTokenSource? loopStop;
    private Task loop = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="TrafficSimulator"/> class, not sending yet.</summary>
    public TrafficSimulator(IKubernetes kubernetes, Elbv2Store store, TrafficSimulatorOptions? options = null)
    {
        this.kubernetes = kubernetes;
        Options = (options ?? new TrafficSimulatorOptions()).Validate();
        time = Options.TimeProvider;
        router = new AlbRouter(store, new Random(Options.Seed));
        tally = new TrafficTally(time.GetUtcNow(), Options.SampleWidth);
    }

    /// <summary>Gets the options.</summary>
    public TrafficSimulatorOptions Options { get; }

    /// <summary>Gets the Pods and Services targets are checked against.</summary>
    public TrafficSnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>Gets the last error of the background loop (e.g. the API server was unreachable), if any.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Re-reads Pods and Services from the Kubernetes API.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var pods = await kubernetes.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken);
        var services = await kubernetes.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken);
        Volatile.Write(ref snapshot, new TrafficSnapshot([.. pods.Items], [.. services.Items]));
    }

    /// <summary>Sends <paramref name="count"/> requests now against the current snapshot and records them.</summary>
    public IReadOnlyList<RequestOutcome> Send(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = Snapshot;
        var now = time.GetUtcNow();
        lock (gate)
        {
            var outcomes = new List<RequestOutcome>(count);
            for (var i = 0; i < count; i++)
            {
                var outcome = router.Route(Options.LoadBalancerDnsName, Options.Host, Options.Path, current);
                tally.Record(now, outcome);
                outcomes.Add(outcome);
            }

            return outcomes;
        }
    }

    /// <summary>Starts sending <see cref="TrafficSimulatorOptions.RequestsPerSecond"/> in the background.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (loopStop is not null)
            {
                return;
            }

            loopStop = new CancellationTokenSource();
            var token = loopStop.Token;
            loop = Task.Run(() => LoopAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Stops the background loop and waits for it.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? stop;
        lock (gate)
        {
            stop = loopStop;
            loopStop = null;
        }

        if (stop is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        stop.Dispose();
    }

    /// <summary>Gets the counts so far.</summary>
    public TrafficReport Report()
    {
        lock (gate)
        {
            return tally.Report();
        }
    }

    /// <summary>Forgets the counts so far.</summary>
    public void Reset()
    {
        lock (gate)
        {
            tally.Reset(time.GetUtcNow());
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var last = time.GetUtcNow();
        var lastRefresh = DateTimeOffset.MinValue;
        var carry = 0.0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now - lastRefresh >= Options.SnapshotRefreshInterval)
            {
                try
                {
                    await RefreshAsync(cancellationToken);
                    lastRefresh = now;
                }
                catch (Exception error) when (error is HttpRequestException or k8s.Autorest.HttpOperationException)
                {
                    // Keep sending against the last snapshot; the API server may be back on the next tick.
                    LastError = error;
                }
            }

            // At most one second's worth per batch, so a stalled loop does not burst.
            carry = Math.Min(carry + ((now - last).TotalSeconds * Options.RequestsPerSecond), Options.RequestsPerSecond);
            last = now;
            var count = (int)carry;
            carry -= count;
            Send(count);
            await Task.Delay(Options.TickInterval, time, cancellationToken);
        }
    }
}
