namespace RolloutWorkflows.Activities.Tests.Aws;

using Amazon.Runtime;
using RolloutWorkflows.Activities.Aws;
using Sim = RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The real ELBv2 emulator on a loopback port, and our client wired to it over HTTP with SigV4.</summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(Sim.Elbv2Emulator emulator) => Emulator = emulator;

    public Sim.Elbv2Emulator Emulator { get; }

    public Sim.Elbv2Store Store => Emulator.Store;

    /// <summary>Options pointing at the emulator, with millisecond backoffs so retry tests stay fast.</summary>
    public Elbv2ClientOptions Options { get; } = new()
    {
        Region = "us-west-2",
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        ThrottleBaseDelay = TimeSpan.FromMilliseconds(2),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        RateLimit = 1000,
        Burst = 1000,
    };

    public static async Task<EmulatorHarness> StartAsync(Sim.Elbv2EmulatorOptions? options = null)
    {
        var harness = new EmulatorHarness(await Sim.Elbv2Emulator.StartAsync(options ?? new Sim.Elbv2EmulatorOptions { BucketCapacity = 10_000, BucketRefillPerSecond = 10_000 }));
        harness.Options.Endpoint = harness.Emulator.Endpoint.ToString();
        return harness;
    }

    public static AWSCredentials GoodCredentials { get; } = new BasicAWSCredentials(Sim.Elbv2EmulatorOptions.DefaultAccessKey, Sim.Elbv2EmulatorOptions.DefaultSecretKey);

    /// <summary>A client on the emulator; <paramref name="metrics"/> receives its request counts.</summary>
    public Elbv2Client Client(Elbv2Metrics metrics, AWSCredentials? credentials = null, Elbv2RateLimiter? limiter = null, Action<Elbv2ClientOptions>? tweak = null)
    {
        tweak?.Invoke(Options);
        return Elbv2Client.Create(Options, credentials ?? GoodCredentials, limiter, metrics);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
