namespace RolloutWorkflows.Activities.Tests.Rollout;

using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Activities.Tests.Aws;
using RolloutWorkflows.Sandbox.Aws.Lbc;
using RolloutWorkflows.Sandbox.Kubernetes;
using Temporalio.Testing;

/// <summary>
/// The Kubernetes sandbox (controllers on), the ELBv2 emulator over loopback HTTP and the LBC simulator
/// between them; <see cref="TrafficActivities"/> resolved from the production DI registrations, so the
/// real IngressGateway, ELBv2 client (SigV4) and WeightVerificationService run. The LBC runs on its own
/// fake clock: a change reaches ELBv2 only when a test calls <see cref="ConvergeAsync"/>.
/// </summary>
internal sealed class TrafficWorld : IAsyncDisposable
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider provider;

    private TrafficWorld(EmulatorHarness elb)
    {
        Elb = elb;
        Sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { Seed = 11 });
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, Sandbox.CreateHandler());
        Lbc = new LbcSimulator(Client, elb.Store, new LbcSimulatorOptions { ReconcileLag = Lag, TimeProvider = LbcTime });
        var services = new ServiceCollection();
        services.AddKubernetesGateways();
        services.AddSingleton<IKubernetes>(Client);
        services.AddElbv2Client(
            configure: o =>
            {
                o.Region = elb.Options.Region;
                o.Endpoint = elb.Options.Endpoint;
            },
            credentials: EmulatorHarness.GoodCredentials);
        services.AddRolloutActivities();
        provider = services.BuildServiceProvider();
        Activities = provider.GetRequiredService<TrafficActivities>();
    }

    public EmulatorHarness Elb { get; }

    public KubernetesSandbox Sandbox { get; }

    public k8s.Kubernetes Client { get; }

    public FakeTimeProvider LbcTime { get; } = new(DateTimeOffset.UtcNow);

    public LbcSimulator Lbc { get; }

    public TrafficActivities Activities { get; }

    public ActivityEnvironment Environment { get; } = new();

    /// <summary>Starts the world with the Services and the ALB Ingress of <see cref="TrafficManifests"/>.</summary>
    public static async Task<TrafficWorld> StartAsync(string? extraAnnotations = null)
    {
        var world = new TrafficWorld(await EmulatorHarness.StartAsync());
        world.Sandbox.Store.Seed(TrafficManifests.Services);
        world.Sandbox.Store.Seed(TrafficManifests.Ingress(extraAnnotations));
        await world.StartLbcAsync();
        return world;
    }

    /// <summary>One LBC pass, the lag, one more pass: whatever the Ingress says now is in ELBv2 afterwards.</summary>
    public async Task ConvergeAsync()
    {
        await Lbc.ReconcileOnceAsync();
        LbcTime.Advance(Lag);
        await Lbc.ReconcileOnceAsync();
    }

    public async Task<IDictionary<string, string>> AnnotationsAsync() =>
        (await Client.NetworkingV1.ReadNamespacedIngressAsync(TrafficManifests.IngressName, "default")).Metadata.Annotations;

    public async ValueTask DisposeAsync()
    {
        await Lbc.DisposeAsync();
        await provider.DisposeAsync();
        Client.Dispose();
        await Sandbox.DisposeAsync();
        await Elb.DisposeAsync();
    }

    /// <summary>
    /// Starting the LBC runs its first pass at once and then waits on the fake clock; waiting for that pass
    /// makes every later change depend on the test's own <see cref="ConvergeAsync"/> calls only.
    /// </summary>
    private async Task StartLbcAsync()
    {
        Lbc.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Lbc.Counters.Reconciles + Lbc.Counters.Errors == 0)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
