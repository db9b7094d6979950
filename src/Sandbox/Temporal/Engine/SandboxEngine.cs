namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>
/// Root of the in-memory server state. One lock (<see cref="Gate"/>) guards everything; RPC handlers take
/// it for each state change and never await while holding it.
/// </summary>
internal sealed class SandboxEngine : IAsyncDisposable
{
    private readonly Dictionary<string, SandboxNamespace> namespaces = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private long taskId;

    public SandboxEngine(TemporalSandboxOptions options)
    {
        Options = options;
        Scheduler = new TimerScheduler(this);
        AddNamespace("default");
        foreach (var name in options.Namespaces)
        {
            AddNamespace(name);
        }
    }

    public Lock Gate { get; } = new();

    public TemporalSandboxOptions Options { get; }

    public SandboxClock Clock { get; } = new();

    public TimerScheduler Scheduler { get; }

    /// <summary>Gets a token that fires when the server stops, ending every long poll.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Gets the runs not yet closed, across namespaces (for idleness checks).</summary>
    public HashSet<WorkflowRun> RunningRuns { get; } = [];

    public IEnumerable<SandboxNamespace> Namespaces => namespaces.Values;

    public long NextTaskId() => ++taskId;

    public SandboxNamespace GetNamespace(string name)
    {
        var key = name.Length == 0 ? "default" : name;
        return namespaces.TryGetValue(key, out var found)
            ? found
            : throw RpcErrors.NotFound($"Namespace {name} is not found. The sandbox serves: {string.Join(", ", namespaces.Keys)}.");
    }

    public SandboxNamespace AddNamespace(string name)
    {
        if (!namespaces.TryGetValue(name, out var state))
        {
            state = new SandboxNamespace(this, name, Options.SearchAttributes);
            namespaces.Add(name, state);
        }

        return state;
    }

    /// <summary>True when time may jump: skipping is on and no run has a workflow task, a runnable
    /// activity or a waiting query; only timers and retry backoffs are pending.</summary>
    public bool CanSkipTime() => Options.TimeSkipping && RunningRuns.All(run => run.IsIdle);

    public void Start() => Scheduler.Start();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Scheduler.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }
}
