namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s;
using Microsoft.Extensions.Time.Testing;

/// <summary>A sandbox on a fake clock with a real KubernetesClient over the in-memory transport.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(KubernetesSandbox sandbox, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Time = time;
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, sandbox.CreateHandler());
    }

    public KubernetesSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public Kubernetes Client { get; }

    /// <summary>Controllers do not run by themselves here: tests call <see cref="Step"/> for determinism.</summary>
    public static TestCluster Create(Action<KubernetesSandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new KubernetesSandboxOptions { TimeProvider = time, RunControllers = false, Seed = 42 };
        configure?.Invoke(options);
        return new TestCluster(new KubernetesSandbox(options), time);
    }

    public int Step() => Sandbox.Controllers.Step();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
