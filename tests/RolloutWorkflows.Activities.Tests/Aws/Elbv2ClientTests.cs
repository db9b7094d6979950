namespace RolloutWorkflows.Activities.Tests.Aws;

using System.Net;
using Amazon.Runtime;
using RolloutWorkflows.Activities.Aws;

public sealed class Elbv2ClientTests : IAsyncLifetime, IDisposable
{
    private readonly Elbv2Metrics metrics = new();
    private EmulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    [Fact]
    public async Task DescribeLoadBalancers_ByNameAndByArn_ReturnsTheSeededLoadBalancer()
    {
        var alb = new AlbSeed(harness.Store);
        var client = harness.Client(metrics);

        var byName = await client.DescribeLoadBalancersAsync(["k8s-default-web-2b1f0c9d3e"], null, default);
        var byArn = await client.DescribeLoadBalancersAsync(null, [alb.LoadBalancerArn], default);

        Assert.Equal(alb.DnsName, byName.Single().DnsName);
        Assert.Equal(("k8s-default-web-2b1f0c9d3e", "active", "application"), (byArn.Single().LoadBalancerName, byArn.Single().State, byArn.Single().Type));
    }

    [Fact]
    public async Task DescribeLoadBalancers_SevenLoadBalancersPageSizeTwo_ReadsAllFourPages()
    {
        for (var i = 0; i < 7; i++)
        {
            _ = new AlbSeed(harness.Store, $"k8s-lb-{i}");
        }

        var client = harness.Client(metrics, tweak: o => o.PageSize = 2);

        var all = await client.DescribeLoadBalancersAsync(null, null, default);

        Assert.Equal(7, all.Select(lb => lb.LoadBalancerArn).Distinct().Count());
        Assert.Equal(4, harness.Emulator.Counters.Calls("DescribeLoadBalancers"));
        Assert.Equal(4, metrics.Snapshot().RequestsOf(Elbv2Operations.DescribeLoadBalancers));
    }

    [Fact]
    public async Task DescribeListenersAndRules_WeightedRule_ParsesForwardWeightsAndDefaultRule()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        var listenerArn = alb.Listener(80);
        alb.Rules(listenerArn, [(canary, 10), (stable, 90)]);
        var client = harness.Client(metrics);

        var listener = (await client.DescribeListenersAsync(alb.LoadBalancerArn, default)).Single();
        var rules = await client.DescribeRulesAsync(listener.ListenerArn, default);

        Assert.Equal((80, "HTTP"), (listener.Port, listener.Protocol));
        Assert.Equal("fixed-response", listener.DefaultActions.Single().Type);
        Assert.Equal(["1", "default"], rules.Select(r => r.Priority));
        Assert.True(rules[^1].IsDefault);
        Assert.Equal([(canary, (int?)10), (stable, (int?)90)], rules[0].Actions.Single().ForwardTargets.Select(t => (t.TargetGroupArn, t.Weight)));
    }

    [Fact]
    public async Task DescribeTargetGroupsAndTags_TwentyFiveGroups_TagsChunkedInTwoCalls()
    {
        var alb = new AlbSeed(harness.Store);
        var arns = Enumerable.Range(0, 25).Select(i => alb.TargetGroup("default", "web", $"svc{i}")).ToList();
        alb.Rules(alb.Listener(80), [.. arns.Select(a => new[] { (a, 1) })]);
        var client = harness.Client(metrics);

        var groups = await client.DescribeTargetGroupsAsync(alb.LoadBalancerArn, null, default);
        var byArn = await client.DescribeTargetGroupsAsync(null, arns, default);
        var tags = await client.DescribeTagsAsync(arns, default);

        Assert.Equal(25, groups.Count);
        Assert.All(groups, g => Assert.Equal([alb.LoadBalancerArn], g.LoadBalancerArns));
        Assert.Equal(25, byArn.Count);
        Assert.Equal(25, tags.Count);
        Assert.Equal("default/web-svc7:80", tags[arns[7]]["ingress.k8s.aws/resource"]);
        Assert.Equal(2, harness.Emulator.Counters.Calls("DescribeTags"));
        Assert.Equal(3, harness.Emulator.Counters.Calls("DescribeTargetGroups")); // by LB once, by 25 ARNs in chunks of 20 twice
    }

    [Fact]
    public async Task DescribeTargetHealth_RegisteredTargets_ReturnsEndpointsAndStates()
    {
        var alb = new AlbSeed(harness.Store);
        var tg = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(tg, 1)]);
        alb.Targets(tg, "10.0.0.1:8080", "10.0.0.2:8080");
        var client = harness.Client(metrics);

        var health = await client.DescribeTargetHealthAsync(tg, default);

        Assert.Equal(["10.0.0.1:8080", "10.0.0.2:8080"], health.Select(h => h.Endpoint));
        Assert.All(health, h => Assert.Equal("healthy", h.State));
    }

    [Fact]
    public async Task DescribeTargetHealth_UnknownTargetGroup_ThrowsNotFoundWithoutRetrying()
    {
        var client = harness.Client(metrics);

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => client.DescribeTargetHealthAsync(harness.Store.Arns.TargetGroup("gone"), default));

        Assert.Equal("TargetGroupNotFound", error.Code);
        Assert.True(error.IsNotFound);
        Assert.NotNull(error.RequestId);
        Assert.Equal(1, metrics.Snapshot().TotalRequests);
    }

    [Fact]
    public async Task AnyOperation_WrongSecret_ThrowsFatalSignatureErrorAfterOneRequest()
    {
        var client = harness.Client(metrics, new BasicAWSCredentials(RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2EmulatorOptions.DefaultAccessKey, "wrong-secret"));

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => client.DescribeLoadBalancersAsync(null, null, default));

        Assert.Equal(("SignatureDoesNotMatch", HttpStatusCode.Forbidden), (error.Code, error.StatusCode));
        Assert.False(error.IsTransient);
        Assert.Equal(1, metrics.Snapshot().TotalRequests);
    }

    [Fact]
    public async Task AnyOperation_DeniedByIam_ThrowsAccessDenied()
    {
        await using var denied = await EmulatorHarness.StartAsync(new RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2EmulatorOptions
        {
            Credentials = [new("AKIDREADONLY", "ro-secret", "123456789012", [Elbv2Operations.DescribeRules])],
        });
        var client = denied.Client(metrics, new BasicAWSCredentials("AKIDREADONLY", "ro-secret"));

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => client.DescribeRulesAsync(denied.Store.Arns.Listener(denied.Store.Arns.LoadBalancer("x"), 80), default));

        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (error.Code, error.StatusCode));
    }
}
