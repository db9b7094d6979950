namespace RolloutWorkflows.Sandbox.Aws.Tests.Traffic;

using RolloutWorkflows.Sandbox.Aws.Tests.Lbc;
using RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>What users feel when a ReplicaSet goes away, with and without moving the weight first.</summary>
public sealed class TrafficSimulatorTests : IAsyncDisposable
{
    private readonly AwsWorld world = new();
    private readonly TrafficSimulator traffic;

    public TrafficSimulatorTests() => traffic = new TrafficSimulator(world.Client, world.Store, new TrafficSimulatorOptions { Seed = 5, TimeProvider = world.Time });

    [Fact]
    public async Task Send_CanaryScaledToZeroWhileWeighted_Failures()
    {
        await world.SeedGuideAsync(10, 90);
        await world.ConvergeAsync();
        world.Time.Advance(TimeSpan.FromSeconds(5));

        await world.ScaleAsync("web-c1", 0);
        await traffic.RefreshAsync();
        traffic.Send(500);
        await world.ConvergeAsync();
        await traffic.RefreshAsync();
        traffic.Send(500);

        var report = traffic.Report();
        Assert.Equal(1000, report.Total);
        Assert.True(report.ByReason.GetValueOrDefault("target-not-ready-pod") > 0, "requests to the dead canary pods before the LBC caught up must fail with 502");
        Assert.True(report.ByReason.GetValueOrDefault("no-registered-targets") > 0, "requests to the emptied canary group must fail with 503");
        Assert.Equal(report.Failures, report.ByReason["target-not-ready-pod"] + report.ByReason["no-registered-targets"]);
    }

    [Fact]
    public async Task Send_WeightMovedToStableBeforeScalingCanaryToZero_NoFailures()
    {
        await world.SeedGuideAsync(10, 90);
        await world.ConvergeAsync();
        world.Time.Advance(TimeSpan.FromSeconds(5));
        await traffic.RefreshAsync();
        traffic.Send(500);
        var split = traffic.Report().ByRevision;

        await world.SetWeightsAsync(0, 100);
        await world.ConvergeAsync();
        await world.ScaleAsync("web-c1", 0);
        await traffic.RefreshAsync();
        traffic.Send(500);
        await world.ConvergeAsync();
        await traffic.RefreshAsync();
        traffic.Send(500);

        var report = traffic.Report();
        Assert.True(split.GetValueOrDefault("c1") > 0, "the canary took its share before the weight moved");
        Assert.Equal(0, report.Failures);
        Assert.Equal(1500, report.Total);
        Assert.Equal(1000 + split["s1"], report.ByRevision["s1"]);
    }

    [Fact]
    public async Task Start_Running_SendsInTheBackgroundWithoutFailures()
    {
        await world.SeedGuideAsync(0, 100);
        await world.ConvergeAsync();
        world.Time.Advance(TimeSpan.FromSeconds(5));

        traffic.Start();
        for (var i = 0; i < 2000 && traffic.Report().Total < 100; i++)
        {
            // The loop waits on the fake clock: move it one tick at a time until it has sent something.
            world.Time.Advance(traffic.Options.TickInterval);
            await Task.Delay(2);
        }

        await traffic.StopAsync();
        var report = traffic.Report();
        Assert.True(report.Total >= 100, $"the background loop sent {report.Total} requests");
        Assert.Equal(0, report.Failures);
        Assert.Equal(report.Total, report.ByRevision["s1"]);
        Assert.NotEmpty(report.Samples);
    }

    public async ValueTask DisposeAsync()
    {
        await traffic.DisposeAsync();
        await world.DisposeAsync();
    }
}
