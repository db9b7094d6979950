namespace RolloutWorkflows.Sandbox.Temporal;

using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;

/// <summary>
/// An in-memory, Temporal-compatible frontend (WorkflowService, the OperatorService search-attribute calls
/// and the TestService time calls) served over HTTP/2 without TLS, so the real Temporalio client and
/// workers run against it unchanged. Start it with <see cref="StartAsync"/> and connect to <see cref="Target"/>.
/// </summary>
public sealed class TemporalSandboxServer : IAsyncDisposable
{
    /// <summary>The gRPC service name health checks ask about.</summary>
    public const string WorkflowServiceName = "temporal.api.workflowservice.v1.WorkflowService";

    private readonly WebApplication app;
    private readonly SandboxEngine engine;

    private TemporalSandboxServer(WebApplication app, SandboxEngine engine, int port)
    {
        this.app = app;
        this.engine = engine;
        Port = port;
    }

    /// <summary>Gets the port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the address to give <c>TemporalClient.ConnectAsync</c>: <c>HOST:PORT</c>.</summary>
    public string Target => $"{engine.Options.Host}:{Port}";

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    public static async Task<TemporalSandboxServer> StartAsync(TemporalSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host '{options.Host}' is not an IP address; use 127.0.0.1.", nameof(options));
        }

        var engine = new SandboxEngine(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The SDK multiplexes every long poll of a process on one HTTP/2 connection; the default of
            // 100 streams stalls completions once a few hundred result polls are open.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 100_000;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(address, options.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = true;
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        // grpc.health.v1, as the real frontend serves it: the SDK's CheckHealthAsync and probes ask for the
        // WorkflowService by name.
        builder.Services.AddGrpcHealthChecks(health => health.Services.Map(WorkflowServiceName, _ => true));
        builder.Services.AddHealthChecks().AddCheck("engine", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(RpcRouter.Create(engine));
        builder.Services.AddSingleton<IServiceMethodProvider<TemporalGrpcService>, DescriptorMethodProvider>();
        var app = builder.Build();
        app.MapGrpcService<TemporalGrpcService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        engine.Start();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var port = new Uri(addresses.Addresses.First()).Port;
        return new TemporalSandboxServer(app, engine, port);
    }

    /// <summary>Stops the server: open long polls end, then the listener closes.</summary>
    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync().ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
