namespace RolloutWorkflows.Activities.Tests.Aws;

using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Activities.Aws;

public sealed class Elbv2DiscoveryTests : IAsyncLifetime, IDisposable
{
    private readonly Elbv2Metrics metrics = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-11-25T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private EmulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    private Elbv2Discovery Discovery(Action<Elbv2ClientOptions>? tweak = null) => new(harness.Client(metrics, tweak: tweak), harness.Options, clock);

    [Fact]
    public async Task FindLoadBalancerByDnsName_AmongFiftyLoadBalancers_OneCallByDerivedName()
    {
        for (var i = 0; i < 49; i++)
        {
            _ = new AlbSeed(harness.Store, $"k8s-other-{i}");
        }

        var alb = new AlbSeed(harness.Store, "k8s-default-web-2b1f0c9d3e", "internal");
        var discovery = Discovery(o => o.PageSize = 10);

        var found = await discovery.FindLoadBalancerByDnsNameAsync(alb.DnsName.ToUpperInvariant(), default);

        Assert.StartsWith("internal-", alb.DnsName, StringComparison.Ordinal);
        Assert.Equal(alb.LoadBalancerArn, found?.LoadBalancerArn);
        Assert.Equal(1, harness.Emulator.Counters.Calls(Elbv2Operations.DescribeLoadBalancers));
    }

    [Fact]
    public async Task FindLoadBalancerByDnsName_HostnameWithoutElbShape_FallsBackToPagedScan()
    {
        for (var i = 0; i < 5; i++)
        {
            _ = new AlbSeed(harness.Store, $"k8s-other-{i}");
        }

        var alb = new AlbSeed(harness.Store, "k8s-custom", dnsName: "web.internal.example.com");
        var discovery = Discovery(o => o.PageSize = 2);

        var found = await discovery.FindLoadBalancerByDnsNameAsync("web.internal.example.com", default);

        Assert.Equal(alb.LoadBalancerArn, found?.LoadBalancerArn);
        Assert.Equal(3, harness.Emulator.Counters.Calls(Elbv2Operations.DescribeLoadBalancers));
    }

    [Fact]
    public async Task FindLoadBalancerByDnsName_NoSuchLoadBalancer_ReturnsNullAndDoesNotCacheTheMiss()
    {
        var discovery = Discovery();
        var name = "k8s-default-late-0011223344";
        var dns = harness.Store.Arns.DnsName(name);

        var before = await discovery.FindLoadBalancerByDnsNameAsync(dns, default);
        var alb = new AlbSeed(harness.Store, name);
        var after = await discovery.FindLoadBalancerByDnsNameAsync(dns, default);

        Assert.Null(before);
        Assert.Equal(alb.LoadBalancerArn, after?.LoadBalancerArn);
    }

    [Fact]
    public async Task CachedReads_SecondRoundWithinTtl_MakeNoCalls_AfterTtlReload()
    {
        var alb = new AlbSeed(harness.Store);
        var tg = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(tg, 1)]);
        var discovery = Discovery();

        async Task ReadAllAsync()
        {
            var lb = await discovery.FindLoadBalancerByDnsNameAsync(alb.DnsName, default);
            var groups = await discovery.GetTargetGroupsAsync(lb!.LoadBalancerArn, default);
            await discovery.GetTagsAsync([.. groups.Select(g => g.TargetGroupArn)], default);
            await discovery.GetListenersAsync(lb.LoadBalancerArn, default);
        }

        await ReadAllAsync();
        var cold = harness.Emulator.Counters.TotalCalls;
        await ReadAllAsync();
        var warm = harness.Emulator.Counters.TotalCalls - cold;
        clock.Advance(TimeSpan.FromMinutes(6)); // listeners and target groups (5 min) expire; LB (20 min) and tags (20 min) do not
        await ReadAllAsync();
        var afterTtl = harness.Emulator.Counters.CallsByOperation();

        Assert.Equal(4, cold);
        Assert.Equal(0, warm);
        Assert.Equal(1, afterTtl[Elbv2Operations.DescribeLoadBalancers]);
        Assert.Equal(1, afterTtl[Elbv2Operations.DescribeTags]);
        Assert.Equal(2, afterTtl[Elbv2Operations.DescribeTargetGroups]);
        Assert.Equal(2, afterTtl[Elbv2Operations.DescribeListeners]);
    }

    [Fact]
    public async Task GetTargetHealth_TargetGroupDeleted_ThrowsNotFoundAndNextReadRediscoversGroups()
    {
        var alb = new AlbSeed(harness.Store);
        var old = alb.TargetGroup("default", "web", "web-stable");
        var listener = alb.Listener(80);
        alb.Rules(listener, [(old, 1)]);
        var discovery = Discovery();
        Assert.Equal([old], (await discovery.GetTargetGroupsAsync(alb.LoadBalancerArn, default)).Select(g => g.TargetGroupArn));

        harness.Store.RemoveTargetGroup(old);
        var replacement = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(listener, [(replacement, 1)]);
        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => discovery.GetTargetHealthAsync(old, default));
        var groups = await discovery.GetTargetGroupsAsync(alb.LoadBalancerArn, default);

        Assert.True(error.IsNotFound);
        Assert.Equal([replacement], groups.Select(g => g.TargetGroupArn));
    }

    [Fact]
    public async Task FindLoadBalancerByDnsName_TenConcurrentCallers_ShareOneCall()
    {
        var alb = new AlbSeed(harness.Store);
        var discovery = Discovery();

        var found = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => discovery.FindLoadBalancerByDnsNameAsync(alb.DnsName, default)));

        Assert.All(found, lb => Assert.Equal(alb.LoadBalancerArn, lb?.LoadBalancerArn));
        Assert.Equal(1, harness.Emulator.Counters.Calls(Elbv2Operations.DescribeLoadBalancers));
    }

    [Fact]
    public async Task GetTags_SomeCached_FetchesOnlyMissingArns()
    {
        var alb = new AlbSeed(harness.Store);
        var first = alb.TargetGroup("default", "web", "a");
        var second = alb.TargetGroup("default", "web", "b");
        var discovery = Discovery();

        await discovery.GetTagsAsync([first], default);
        var both = await discovery.GetTagsAsync([first, second], default);
        await discovery.GetTagsAsync([first, second], default);

        Assert.Equal("default/web-b:80", both[second]["ingress.k8s.aws/resource"]);
        Assert.Equal(2, harness.Emulator.Counters.Calls(Elbv2Operations.DescribeTags));
    }
}
