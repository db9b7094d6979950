namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The ELBv2 emulator: the six Describe operations of the 2015-12-01 Query API over HTTP on loopback
/// (<see cref="StartAsync"/>) or in process (<see cref="CreateInMemory"/> and <see cref="CreateHandler"/>).
/// </summary>
public sealed class Elbv2Emulator : IAsyncDisposable
{
    private readonly Elbv2RequestProcessor processor;
    private readonly WebApplication? app;

    private Elbv2Emulator(Elbv2EmulatorOptions options, WebApplication? app, Uri endpoint, Elbv2RequestProcessor processor)
    {
        Options = options;
        this.app = app;
        Endpoint = endpoint;
        this.processor = processor;
    }

    /// <summary>Gets the options the emulator runs with.</summary>
    public Elbv2EmulatorOptions Options { get; }

    /// <summary>Gets the endpoint: `http://127.0.0.1:&lt;port&gt;/` when started, the regional AWS URL in memory.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the store served, which simulators mutate.</summary>
    public Elbv2Store Store => processor.Store;

    /// <summary>Gets the call counters.</summary>
    public Elbv2Counters Counters => processor.Counters;

    /// <summary>Gets or sets the faults injected from now on.</summary>
    public Elbv2Faults Faults
    {
        get => processor.Faults;
        set => processor.Faults = value;
    }

    /// <summary>Creates an emulator that answers only through <see cref="CreateHandler"/> (no socket).</summary>
    public static Elbv2Emulator CreateInMemory(Elbv2EmulatorOptions? options = null)
    {
        options ??= new Elbv2EmulatorOptions();
        var processor = new Elbv2RequestProcessor(options, StoreFor(options));
        return new Elbv2Emulator(options, null, new Uri($"https://elasticloadbalancing.{options.Region}.amazonaws.com/"), processor);
    }

    /// <summary>Starts the emulator on Kestrel at 127.0.0.1 and <see cref="Elbv2EmulatorOptions.Port"/> (0 = a free port).</summary>
    public static async Task<Elbv2Emulator> StartAsync(Elbv2EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new Elbv2EmulatorOptions();
        var processor = new Elbv2RequestProcessor(options, StoreFor(options));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(SandboxInfo.LoopbackAddress), options.Port));
        var app = builder.Build();
        app.Run(context => ServeAsync(processor, context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new Elbv2Emulator(options, app, new Uri($"http://{SandboxInfo.LoopbackAddress}:{port.ToString(CultureInfo.InvariantCulture)}/"), processor);
    }

    /// <summary>Creates a handler answering in process; wrap it in a signing handler and an <see cref="HttpClient"/>.</summary>
    public HttpMessageHandler CreateHandler() => new Elbv2InMemoryHandler(processor);

    /// <summary>Answers one request directly.</summary>
    public Task<Elbv2HttpResponse> ProcessAsync(Elbv2HttpRequest request, CancellationToken cancellationToken = default) =>
        processor.ProcessAsync(request, cancellationToken);

    /// <summary>
    /// Gets the environment variables that point standard AWS tooling (CLI, SDKs) at this emulator
    /// with the first configured credential.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables()
    {
        var credential = Options.Credentials.First();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_REGION"] = Options.Region,
            ["AWS_DEFAULT_REGION"] = Options.Region,
            ["AWS_ACCESS_KEY_ID"] = credential.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = credential.SecretAccessKey,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static Elbv2Store StoreFor(Elbv2EmulatorOptions options) =>
        options.Store ?? new Elbv2Store(options.Region, options.AccountId, options.TimeProvider);

    private static async Task ServeAsync(Elbv2RequestProcessor processor, HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(),
            h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")],
            StringComparer.Ordinal);
        var request = new Elbv2HttpRequest(
            context.Request.Method,
            question < 0 ? raw : raw[..question],
            question < 0 ? "" : raw[(question + 1)..],
            headers,
            body.ToArray());
        var answer = await processor.ProcessAsync(request, context.RequestAborted);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = Elbv2HttpResponse.ContentType;
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
