namespace RolloutWorkflows.Worker.Sandbox;

using System.Globalization;
using k8s;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;
using RolloutWorkflows.Sandbox.Aws.Traffic;
using RolloutWorkflows.Sandbox.Kubernetes;
using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;

/// <summary>
/// Every sandbox part in one process, each on its own loopback port and reached over its real protocol:
/// Temporal (gRPC), the Kubernetes API server (HTTP, with a kubeconfig), the ELBv2 emulator (Query API, SigV4),
/// the LBC simulator between them, and the traffic simulator measuring what users feel. The worker is pointed at
/// it by configuration alone (<see cref="WorkerConfiguration"/>).
/// </summary>
public sealed class SandboxStack : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts;
    private readonly bool ownsKubeconfig;

    private SandboxStack(
        SandboxStackOptions options,
        TemporalSandboxServer temporal,
        KubernetesSandbox kubernetes,
        Elbv2Emulator elbv2,
        LbcSimulator lbc,
        IKubernetes client,
        string kubeconfigPath,
        bool ownsKubeconfig,
        List<IAsyncDisposable> parts)
    {
        Options = options;
        Temporal = temporal;
        Kubernetes = kubernetes;
        Elbv2 = elbv2;
        Lbc = lbc;
        Client = client;
        KubeconfigPath = kubeconfigPath;
        this.ownsKubeconfig = ownsKubeconfig;
        this.parts = parts;
    }

    public SandboxStackOptions Options { get; }

    public TemporalSandboxServer Temporal { get; }

    public KubernetesSandbox Kubernetes { get; }

    public Elbv2Emulator Elbv2 { get; }

    public LbcSimulator Lbc { get; }

    /// <summary>A Kubernetes client on the sandbox's API server (for seeding and for assertions).</summary>
    public IKubernetes Client { get; }

    public string KubeconfigPath { get; }

    /// <summary>The traffic simulator, once <see cref="StartTrafficAsync"/> ran.</summary>
    public TrafficSimulator? Traffic { get; private set; }

    /// <summary>Starts every part; the LBC simulator reconciles from the start.</summary>
    public static async Task<SandboxStack> StartAsync(SandboxStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxStackOptions();
        var parts = new List<IAsyncDisposable>();
        try
        {
            var temporalOptions = new TemporalSandboxOptions { TimeSkipping = options.TimeSkipping };
            foreach (var (name, type) in SearchAttributes)
            {
                temporalOptions.SearchAttributes[name] = type;
            }

            var temporal = await TemporalSandboxServer.StartAsync(temporalOptions, cancellationToken);
            parts.Add(temporal);

            var kubeOptions = new KubernetesSandboxOptions();
            kubeOptions.Controllers.ReadinessDelay = options.PodReadinessDelay;
            var kubernetes = new KubernetesSandbox(kubeOptions);
            parts.Add(kubernetes);
            await kubernetes.StartAsync(0, cancellationToken);
            var ownsKubeconfig = options.KubeconfigPath is null;
            var kubeconfig = options.KubeconfigPath ?? Path.Combine(Path.GetTempPath(), $"rollouts-sandbox-{Guid.NewGuid():N}.kubeconfig");
            kubernetes.WriteKubeconfig(kubeconfig);
            var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

            var elbv2 = await Elbv2Emulator.StartAsync(new Elbv2EmulatorOptions { Port = 0 }, cancellationToken);
            parts.Add(elbv2);

            var lbc = new LbcSimulator(client, elbv2.Store, new LbcSimulatorOptions
            {
                ReconcileLag = options.LbcReconcileLag,
                TargetRegistrationDelay = options.TargetRegistrationDelay,
                DeregistrationDelay = options.DeregistrationDelay,
            });
            parts.Add(lbc);
            lbc.Start();
            return new SandboxStack(options, temporal, kubernetes, elbv2, lbc, client, kubeconfig, ownsKubeconfig, parts);
        }
        catch
        {
            for (var i = parts.Count - 1; i >= 0; i--)
            {
                await parts[i].DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The rollout search attributes, registered on the Temporal sandbox as docker-compose registers them on a real server.</summary>
    public static IReadOnlyList<(string Name, IndexedValueType Type)> SearchAttributes { get; } =
    [
        (Names.RolloutNamespaceAttribute, IndexedValueType.Keyword),
        (Names.RolloutNameAttribute, IndexedValueType.Keyword),
        (Names.RolloutPhaseAttribute, IndexedValueType.Keyword),
        (Names.RolloutRevisionAttribute, IndexedValueType.Int),
        (Names.CanaryWeightAttribute, IndexedValueType.Int),
    ];

    /// <summary>
    /// The configuration that points a worker (or the CLI) at this stack: exactly the keys a user sets for a real
    /// Temporal cluster, Kubernetes and AWS. The AWS credentials are the usual environment variables
    /// (<see cref="AwsEnvironment"/>), since the SDK's credential chain reads them there.
    /// </summary>
    public IReadOnlyDictionary<string, string?> WorkerConfiguration(string taskQueue) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Temporal:Address"] = Temporal.Target,
        ["Temporal:Namespace"] = "default",
        ["Temporal:TaskQueue"] = taskQueue,
        ["Kubernetes:Kubeconfig"] = KubeconfigPath,
        ["Aws:Elbv2:Endpoint"] = Elbv2.Endpoint.ToString().TrimEnd('/'),
        ["Aws:Elbv2:Region"] = Elbv2.Options.Region,
    };

    /// <summary>The AWS credential variables of the emulator's test identity (no other variable is changed).</summary>
    public IReadOnlyDictionary<string, string> AwsEnvironment() =>
        Elbv2.EnvironmentVariables()
            .Where(v => v.Key is "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" or "AWS_EC2_METADATA_DISABLED")
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>Creates the Services and Ingresses of a manifest; with <paramref name="stableReplicaSets"/> each Rollout's ReplicaSet too (see <see cref="ManifestSeeder"/>).</summary>
    public Task<IReadOnlyList<string>> ApplyAsync(string manifest, bool stableReplicaSets = false, CancellationToken cancellationToken = default) =>
        ManifestSeeder.ApplyAsync(Client, manifest, stableReplicaSets, cancellationToken);

    /// <summary>Waits until the LBC simulator gave the ingress a load balancer, and returns its DNS name.</summary>
    public async Task<string> WaitForLoadBalancerAsync(string ns, string ingress, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var current = await Client.NetworkingV1.ReadNamespacedIngressAsync(ingress, ns, cancellationToken: cancellationToken);
            if (current.Status?.LoadBalancer?.Ingress?.FirstOrDefault()?.Hostname is { Length: > 0 } hostname)
            {
                return hostname;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"ingress {ns}/{ingress} got no load balancer within {timeout.TotalSeconds:0} s (LBC simulator error: {Lbc.LastError?.Message ?? "none"})"));
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Starts synthetic traffic through the load balancer with this DNS name.</summary>
    public Task StartTrafficAsync(string loadBalancerDnsName)
    {
        Traffic = new TrafficSimulator(Client, Elbv2.Store, new TrafficSimulatorOptions
        {
            LoadBalancerDnsName = loadBalancerDnsName,
            RequestsPerSecond = Options.RequestsPerSecond,
        });
        parts.Add(Traffic);
        Traffic.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }

        Client.Dispose();
        if (ownsKubeconfig)
        {
            File.Delete(KubeconfigPath);
        }
    }
}
