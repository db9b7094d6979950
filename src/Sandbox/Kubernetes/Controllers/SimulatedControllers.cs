namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// The controllers a real cluster runs in kubelet and kube-controller-manager, simulated: pod start and
/// readiness, ReplicaSets, Endpoints/EndpointSlices and garbage collection. <see cref="Step"/> runs them
/// until nothing changes; the background loop calls it on the sandbox clock.
/// </summary>
public sealed class SimulatedControllers : IAsyncDisposable
{
    private static int MaxRounds => 20;

    private readonly Lock stepping = new();
    private readonly TimeProvider time;
    private readonly PodLifecycleController pods;
    private readonly ReplicaSetController replicaSets;
    private readonly EndpointsController endpoints;
    private readonly GarbageCollector collector;
    private CancellationTokenSource? loop;
    private Task? loopTask;

    public SimulatedControllers(ApiOperations api, ControllerOptions options)
    {
        Options = options;
        time = api.Time;
        pods = new PodLifecycleController(api, options, new PodIpAllocator());
        replicaSets = new ReplicaSetController(api);
        endpoints = new EndpointsController(api, options);
        collector = new GarbageCollector(api);
    }

    public ControllerOptions Options { get; }

    /// <summary>Gets the last error a background step hit (the loop keeps running).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Runs every controller until the cluster is quiet; returns the number of writes made.</summary>
    public int Step()
    {
        lock (stepping)
        {
            var total = 0;
            for (var round = 0; round < MaxRounds; round++)
            {
                var writes = collector.Reconcile() + replicaSets.Reconcile() + pods.Reconcile() + endpoints.Reconcile();
                total += writes;
                if (writes == 0)
                {
                    break;
                }
            }

            return total;
        }
    }

    /// <summary>Starts stepping every <paramref name="interval"/> of the sandbox clock.</summary>
    public void Start(TimeSpan interval)
    {
        if (loop is not null)
        {
            return;
        }

        loop = new CancellationTokenSource();
        var token = loop.Token;
        loopTask = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(token))
            {
                try
                {
                    Step();
                }
                catch (Exception e)
                {
                    // A simulated controller must never take the server down; the error is kept for tests to see.
                    LastError = e;
                }
            }
        }, token);
    }

    public async ValueTask DisposeAsync()
    {
        if (loop is null)
        {
            return;
        }

        await loop.CancelAsync();
        try
        {
            await loopTask!;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected outcome.
        }

        loop.Dispose();
        loop = null;
    }
}
