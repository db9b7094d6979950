namespace RolloutWorkflows.Sandbox.Kubernetes;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Controllers;
using RolloutWorkflows.Sandbox.Kubernetes.Faults;
using RolloutWorkflows.Sandbox.Kubernetes.Store;
using RolloutWorkflows.Sandbox.Kubernetes.Watch;

/// <summary>
/// A Kubernetes API server with real semantics over a schemaless JSON store, plus simulated controllers.
/// Serve it on loopback with <see cref="StartAsync"/> (kubectl, other processes) and/or in memory with
/// <see cref="CreateHandler"/> (fast tests): both transports share one state.
/// </summary>
public sealed class KubernetesSandbox : IAsyncDisposable
{
    /// <summary>The host to give KubernetesClient together with <see cref="CreateHandler"/>.</summary>
    public const string InMemoryHost = "http://kube.sandbox.invalid";

    private readonly ApiRequestHandler handler;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private WebApplication? kestrel;
    private WebApplication? inMemory;

    public KubernetesSandbox(KubernetesSandboxOptions? options = null)
    {
        Options = options ?? new KubernetesSandboxOptions();
        Registry = new ResourceRegistry(Options.LegacyIngressApis);
        var store = new ResourceStore(Options.WatchHistorySize);
        Api = new ApiOperations(store, Registry, Options.TimeProvider, Options.Seed, Options.RequireNamespaces);
        Store = new ObjectStore(Api);
        Faults = new FaultInjector(Options.Seed, Store.DropAllWatches);
        Audit = new AuditLog();
        Controllers = new SimulatedControllers(Api, Options.Controllers);
        handler = new ApiRequestHandler(Api, new WatchStreamer(store, Options.TimeProvider, Options.BookmarkInterval), Faults, Audit);
        foreach (var ns in new[] { "default", "kube-system", "kube-public" })
        {
            Store.Seed($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""");
        }

        if (Options.RunControllers)
        {
            Controllers.Start(Options.ControllerInterval);
        }
    }

    public KubernetesSandboxOptions Options { get; }

    public ResourceRegistry Registry { get; }

    /// <summary>Gets the semantic operations (what the HTTP handler calls), for in-process callers that need them.</summary>
    public ApiOperations Api { get; }

    /// <summary>Gets in-process access to objects: seed from manifests, read, mutate, delete.</summary>
    public ObjectStore Store { get; }

    public FaultInjector Faults { get; }

    public AuditLog Audit { get; }

    public SimulatedControllers Controllers { get; }

    /// <summary>Gets the mutating admission hooks (the sandbox's webhooks), e.g. the LBC simulator's pod readiness-gate injector.</summary>
    public MutatingAdmission Admission => Api.Admission;

    /// <summary>Gets the loopback URL once <see cref="StartAsync"/> has run, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string? BaseAddress { get; private set; }

    /// <summary>Serves the API on 127.0.0.1 (port 0 picks a free one) over Kestrel.</summary>
    public async Task StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        await startGate.WaitAsync(cancellationToken);
        try
        {
            if (kestrel is not null)
            {
                return;
            }

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(SandboxInfo.LoopbackAddress), port));
            var app = builder.Build();
            app.Run(handler.HandleAsync);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = address.Replace("localhost", SandboxInfo.LoopbackAddress, StringComparison.Ordinal).TrimEnd('/');
            kestrel = app;
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>
    /// A handler for <c>new Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, handler)</c>:
    /// requests go to the in-memory server, no sockets involved.
    /// </summary>
    public DelegatingHandler CreateHandler()
    {
        startGate.Wait();
        try
        {
            if (inMemory is null)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseTestServer();
                var app = builder.Build();
                app.Run(handler.HandleAsync);
#pragma warning disable VSTHRD002 // TestServer starts without I/O; a synchronous CreateHandler fits `new Kubernetes(config, handler)`.
                app.StartAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
                inMemory = app;
            }

            return new InMemoryHandler(inMemory.GetTestServer().CreateHandler());
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>Writes a kubeconfig pointing at the loopback server (call <see cref="StartAsync"/> first).</summary>
    public void WriteKubeconfig(string path, string defaultNamespace = "default") =>
        KubeconfigWriter.Write(path, BaseAddress ?? throw new InvalidOperationException("StartAsync must run before WriteKubeconfig: the kubeconfig needs the loopback address"), defaultNamespace);

    public async ValueTask DisposeAsync()
    {
        await Controllers.DisposeAsync();
        Store.DropAllWatches();
        if (kestrel is not null)
        {
            await kestrel.StopAsync();
            await kestrel.DisposeAsync();
        }

        if (inMemory is not null)
        {
            await inMemory.StopAsync();
            await inMemory.DisposeAsync();
        }

        startGate.Dispose();
    }
}
