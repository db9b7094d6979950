namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Text.Json;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// Simulates the AWS Load Balancer Controller against any Kubernetes API server (through the real
/// KubernetesClient) and the emulator's <see cref="Elbv2Store"/>. Each pass reads Ingresses, Services
/// and EndpointSlices and builds the desired ALBs; a change becomes visible in ELBv2 only
/// <see cref="LbcSimulatorOptions.ReconcileLag"/> after it was observed. <see cref="Stop"/> simulates an
/// outage: nothing changes in ELBv2 or Kubernetes until <see cref="Start"/>, after which it converges.
/// </summary>
public sealed class LbcSimulator : IAsyncDisposable
{
    private readonly IKubernetes kubernetes;
    private readonly Elbv2Store store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly LbcKubernetesEffects effects;
    private readonly LbcReadinessGates readinessGates;
    private readonly SemaphoreSlim passGate = new(1, 1);
    private readonly Lock stateGate = new();
    private readonly List<Pending> pending = [];
    private readonly Dictionary<string, string> appliedByIngress = new(StringComparer.Ordinal);
    private IReadOnlyList<DesiredAlb> applied = [];
    private string? lastObserved;
    private int generation;
    private bool running;
    private CancellationTokenSource? loopStop;
    private Task loop = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="LbcSimulator"/> class, stopped.</summary>
    public LbcSimulator(IKubernetes kubernetes, Elbv2Store store, LbcSimulatorOptions? options = null, ILogger<LbcSimulator>? logger = null)
    {
        this.kubernetes = kubernetes;
        this.store = store;
        Options = (options ?? new LbcSimulatorOptions()).Validate();
        time = Options.TimeProvider;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        effects = new LbcKubernetesEffects(kubernetes, Counters, time, this.logger);
        readinessGates = new LbcReadinessGates(kubernetes, store, Counters, this.logger);
    }

    /// <summary>Gets the options.</summary>
    public LbcSimulatorOptions Options { get; }

    /// <summary>Gets what the simulator did.</summary>
    public LbcCounters Counters { get; } = new();

    /// <summary>Gets a value indicating whether the controller is up.</summary>
    public bool IsRunning
    {
        get
        {
            lock (stateGate)
            {
                return running;
            }
        }
    }

    /// <summary>Gets the model last written to ELBv2.</summary>
    public IReadOnlyList<DesiredAlb> Applied
    {
        get
        {
            lock (stateGate)
            {
                return applied;
            }
        }
    }

    /// <summary>Gets the last failure of a pass, if any.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Registers the readiness-gate webhook (<c>mpod.elbv2.k8s.aws</c>) with a Kubernetes sandbox's mutating
    /// admission, so pods get their gates as they are created. Does nothing unless
    /// <see cref="LbcSimulatorOptions.PodReadinessGateInject"/> is on.
    /// </summary>
    public void AttachTo(KubernetesSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        if (Options.PodReadinessGateInject)
        {
            sandbox.Admission.Add(LbcReadinessGates.WebhookName, "v1", "Pod", readinessGates.MutatePod);
        }
    }

    /// <summary>Brings the controller up and starts polling every <see cref="LbcSimulatorOptions.PollInterval"/>.</summary>
    public void Start()
    {
        lock (stateGate)
        {
            if (running)
            {
                return;
            }

            running = true;
            generation++;
            loopStop = new CancellationTokenSource();
            var token = loopStop.Token;
            loop = Task.Run(() => LoopAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Takes the controller down (an outage): changes not yet applied are forgotten, as a restarted controller re-reads everything.</summary>
    public void Stop()
    {
        lock (stateGate)
        {
            if (!running)
            {
                return;
            }

            running = false;
            generation++;
            pending.Clear();
            lastObserved = null;
            loopStop?.Cancel();
        }
    }

    /// <summary>
    /// Runs one pass now: read Kubernetes, queue a changed model for <c>now + lag</c>, and apply the newest
    /// queued model that is due. Does nothing while stopped. Returns true when ELBv2 was changed.
    /// </summary>
    public async Task<bool> ReconcileOnceAsync(CancellationToken cancellationToken = default)
    {
        int passGeneration;
        lock (stateGate)
        {
            if (!running)
            {
                return false;
            }

            passGeneration = generation;
        }

        await passGate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await LbcKubernetesReader.ReadAsync(kubernetes, cancellationToken, Options.PodReadinessGateInject);
            var desired = AlbModelBuilder.Build(snapshot, Options, store.Arns);
            var fingerprint = JsonSerializer.Serialize(desired);
            var now = time.GetUtcNow();
            List<DesiredAlb> changed;
            AlbApplyResult? result;
            IReadOnlyList<DesiredAlb> current;
            lock (stateGate)
            {
                if (!running || passGeneration != generation)
                {
                    return false;
                }

                if (fingerprint != lastObserved)
                {
                    pending.Add(new Pending(now + Options.ReconcileLag, desired));
                    lastObserved = fingerprint;
                }

                (result, changed) = ApplyDue(now);
                current = applied;
            }

            Counters.Reconciled();
            await AfterPassAsync(snapshot, current, changed, result, cancellationToken);
            return result is not null;
        }
        finally
        {
            passGate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        loopStop?.Dispose();
        passGate.Dispose();
    }

    private (AlbApplyResult? Result, List<DesiredAlb> Changed) ApplyDue(DateTimeOffset now)
    {
        var due = pending.FindLastIndex(p => p.DueAt <= now);
        if (due < 0)
        {
            return (null, []);
        }

        var model = pending[due].Model;
        pending.RemoveRange(0, due + 1);
        var result = AlbStoreApplier.Apply(store, model, Options.ClusterName, Options.TargetRegistrationDelay, Options.DeregistrationDelay);
        Counters.Applied(result);
        var changed = new List<DesiredAlb>();
        foreach (var alb in model)
        {
            var key = $"{alb.IngressNamespace}/{alb.IngressName}";
            var print = JsonSerializer.Serialize(alb);
            if (appliedByIngress.GetValueOrDefault(key) != print)
            {
                appliedByIngress[key] = print;
                changed.Add(alb);
            }
        }

        applied = model;
        return (result, changed);
    }

    private async Task AfterPassAsync(LbcSnapshot snapshot, IReadOnlyList<DesiredAlb> current, List<DesiredAlb> changed, AlbApplyResult? result, CancellationToken cancellationToken)
    {
        // A controller that went down mid-pass writes nothing more.
        foreach (var alb in current.TakeWhile(_ => IsRunning))
        {
            await effects.SyncStatusAsync(snapshot, alb, cancellationToken);
            await effects.SyncBindingsAsync(alb, cancellationToken);
        }

        if (Options.PodReadinessGateInject && IsRunning)
        {
            readinessGates.Refresh(snapshot, current, effects.HasBinding);
            await readinessGates.SyncConditionsAsync(snapshot, current, () => IsRunning, cancellationToken);
        }

        foreach (var alb in changed.TakeWhile(_ => IsRunning))
        {
            await effects.RecordReconciledAsync(snapshot, alb, cancellationToken);
        }

        if (result is not null)
        {
            await effects.DeleteBindingsAsync(result.RemovedTargetGroups, cancellationToken);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A controller survives API errors and retries on the next pass, as the real one requeues.
                LastError = error;
                Counters.Failed();
                logger.LogWarning(error, "LBC simulator pass failed; retrying in {Interval}", Options.PollInterval);
            }

            await Task.Delay(Options.PollInterval, time, cancellationToken);
        }
    }

    private sealed record Pending(DateTimeOffset DueAt, IReadOnlyList<DesiredAlb> Model);
}
