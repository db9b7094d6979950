namespace RolloutWorkflows.Activities.Tests.Aws;

using System.Diagnostics.Metrics;
using RolloutWorkflows.Activities.Aws;
using Sim = RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class Elbv2ResilienceTests : IAsyncLifetime, IDisposable
{
    private readonly Elbv2Metrics metrics = new();
    private EmulatorHarness harness = null!;
    private AlbSeed alb = null!;
    private string targetGroup = null!;

    public async Task InitializeAsync()
    {
        harness = await EmulatorHarness.StartAsync();
        alb = new AlbSeed(harness.Store);
        targetGroup = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(targetGroup, 1)]);
        alb.Targets(targetGroup, "10.0.0.1:8080");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    [Fact]
    public async Task Calls_ThrottlingStormHalfOfCalls_AllSucceedThroughRetries()
    {
        harness.Emulator.Faults = new Sim.Elbv2Faults(ThrottleShare: 0.5);
        var client = harness.Client(metrics, tweak: o => o.MaxAttempts = 12);

        for (var i = 0; i < 20; i++)
        {
            Assert.Single(await client.DescribeTargetHealthAsync(targetGroup, default));
        }

        var snapshot = metrics.Snapshot();
        Assert.True(harness.Emulator.Counters.TotalThrottled > 0);
        Assert.Equal(harness.Emulator.Counters.TotalThrottled, snapshot.Throttled[Elbv2Operations.DescribeTargetHealth]);
        Assert.Equal(harness.Emulator.Counters.TotalThrottled, snapshot.Retries);
        Assert.Equal(20 + harness.Emulator.Counters.TotalThrottled, snapshot.RequestsOf(Elbv2Operations.DescribeTargetHealth));
    }

    [Fact]
    public async Task Calls_ServerErrorStorm_AllSucceedThroughRetries()
    {
        harness.Emulator.Faults = new Sim.Elbv2Faults(ServerErrorShare: 0.5);
        var client = harness.Client(metrics, tweak: o => o.MaxAttempts = 12);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(2, (await client.DescribeRulesAsync(harness.Store.Listeners.Single().Arn, default)).Count);
        }

        Assert.True(harness.Emulator.Counters.TotalFailed > 0);
        Assert.Equal(harness.Emulator.Counters.TotalFailed, metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task Call_ThrottledOnEveryAttempt_ThrowsThrottlingAfterMaxAttempts()
    {
        harness.Emulator.Faults = new Sim.Elbv2Faults(ThrottleShare: 1);
        var client = harness.Client(metrics, tweak: o => o.MaxAttempts = 3);

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => client.DescribeTargetHealthAsync(targetGroup, default));

        Assert.True(error.IsThrottling);
        Assert.Equal(3, harness.Emulator.Counters.Throttled(Elbv2Operations.DescribeTargetHealth));
        Assert.Equal(3, metrics.Snapshot().RequestsOf(Elbv2Operations.DescribeTargetHealth));
    }

    [Fact]
    public async Task Call_EveryAttemptTimesOut_ThrowsRequestTimeoutAfterMaxAttempts()
    {
        harness.Emulator.Faults = new Sim.Elbv2Faults(Latency: TimeSpan.FromSeconds(2));
        var client = harness.Client(metrics, tweak: o =>
        {
            o.MaxAttempts = 2;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        });

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => client.DescribeTargetHealthAsync(targetGroup, default));

        Assert.Equal("RequestTimeout", error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(1, metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task TokenBucket_ThirtyConcurrentCallsWithBurstTwenty_TwentyGoOutAndTenWaitForTokens()
    {
        using var limiter = Elbv2RateLimiter.FromOptions(new Elbv2ClientOptions { RateLimit = 10, Burst = 20 }, autoReplenishment: false);
        var bucket = (System.Threading.RateLimiting.TokenBucketRateLimiter)limiter.Limiter;
        var client = harness.Client(metrics, limiter: limiter);

        var calls = Enumerable.Range(0, 30).Select(_ => client.DescribeTargetHealthAsync(targetGroup, default)).ToList();
        await WaitUntilAsync(() => calls.Count(c => c.IsCompleted) == 20 && bucket.GetStatistics()!.CurrentQueuedCount == 10);
        var sentBeforeRefill = harness.Emulator.Counters.TotalCalls;
        var completedBeforeRefill = calls.Count(c => c.IsCompleted);

        while (bucket.GetStatistics()!.CurrentQueuedCount > 0)
        {
            bucket.TryReplenish();
            await Task.Yield();
        }

        await Task.WhenAll(calls);
        Assert.Equal(20, sentBeforeRefill);
        Assert.Equal(20, completedBeforeRefill);
        Assert.Equal(30, harness.Emulator.Counters.TotalCalls);
    }

    [Fact]
    public async Task Metrics_Requests_AreReportedToMeterListeners()
    {
        var measured = new List<(string Instrument, long Value, string? Operation)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Elbv2Metrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    lock (measured)
                    {
                        measured.Add((instrument.Name, value, tag.Value as string));
                    }
                }
            }
        });
        listener.Start();
        var client = harness.Client(metrics);

        await client.DescribeTargetHealthAsync(targetGroup, default);
        await client.DescribeTagsAsync([targetGroup], default);

        lock (measured)
        {
            Assert.Contains(("rollout.elbv2.requests", 1L, Elbv2Operations.DescribeTargetHealth), measured);
            Assert.Contains(("rollout.elbv2.requests", 1L, Elbv2Operations.DescribeTags), measured);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
