namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using k8s;
using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// A Kubernetes sandbox with the real KubernetesClient over its in-memory transport, and the gateways
/// under test built on that client. Controllers run only when a test steps them.
/// </summary>
internal sealed class SandboxCluster : IAsyncDisposable
{
    private SandboxCluster(KubernetesSandbox sandbox, FakeTimeProvider time, KubernetesOptions options)
    {
        Sandbox = sandbox;
        Time = time;
        Options = options;
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, sandbox.CreateHandler());
        Services = new ServiceGateway(Client);
        ReplicaSets = new ReplicaSetGateway(Client);
        Endpoints = new EndpointGateway(Client, Services);
        Ingresses = new IngressGateway(Client, options);
        Bindings = new TargetGroupBindingGateway(Client, options);
    }

    public KubernetesSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public KubernetesOptions Options { get; }

    public IKubernetes Client { get; }

    public ServiceGateway Services { get; }

    public ReplicaSetGateway ReplicaSets { get; }

    public EndpointGateway Endpoints { get; }

    public IngressGateway Ingresses { get; }

    public TargetGroupBindingGateway Bindings { get; }

    public static SandboxCluster Create(KubernetesOptions? options = null, bool legacyIngress = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sandbox = new KubernetesSandbox(new KubernetesSandboxOptions
        {
            TimeProvider = time,
            RunControllers = false,
            LegacyIngressApis = legacyIngress,
            Seed = 7,
        });
        return new SandboxCluster(sandbox, time, options ?? new KubernetesOptions());
    }

    /// <summary>Runs the simulated controllers until the cluster is quiet.</summary>
    public void Settle() => Sandbox.Controllers.Step();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
