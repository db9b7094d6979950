namespace RolloutWorkflows.Activities.Tests.Verification;

using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Tests.Aws;
using RolloutWorkflows.Activities.Verification;
using Xunit.Abstractions;

public sealed class WeightVerificationServiceTests : IAsyncLifetime, IDisposable
{
    private readonly ITestOutputHelper output;
    private readonly Elbv2Metrics metrics = new();
    private EmulatorHarness harness = null!;
    private WeightVerificationService service = null!;

    public WeightVerificationServiceTests(ITestOutputHelper output) => this.output = output;

    public async Task InitializeAsync()
    {
        harness = await EmulatorHarness.StartAsync();
        service = new WeightVerificationService(new Elbv2Discovery(harness.Client(metrics), harness.Options));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    private static WeightVerificationRequest Request(AlbSeed alb, int canary, string ingress = "web", string canaryService = "web-canary", string stableService = "web-stable") =>
        new("default", ingress, [alb.DnsName], "80", [new(canaryService, canary), new(stableService, 100 - canary)]);

    [Fact]
    public async Task Verify_ConvergedSteadyState_AtMostTwoElbv2CallsPerVerification()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(canary, 10), (stable, 90)]);
        alb.Rules(alb.Listener(443), [(canary, 10), (stable, 90)]);

        var cold = await service.VerifyAsync(Request(alb, 10), default);
        var coldCalls = metrics.Snapshot();
        var warm = await service.VerifyAsync(Request(alb, 10), default);
        var warmCalls = metrics.Snapshot().Since(coldCalls);
        output.WriteLine($"cold verification: {coldCalls}");
        output.WriteLine($"steady-state verification (2 listeners): {warmCalls}");

        Assert.True(cold.Verified, cold.Reason);
        Assert.True(warm.Verified, warm.Reason);
        Assert.Equal(4, warm.TargetGroups.Count);
        Assert.True(warmCalls.TotalRequests <= 2, warmCalls.ToString());
        Assert.Equal(warmCalls.TotalRequests, warmCalls.RequestsOf(Elbv2Operations.DescribeRules));
        Assert.Equal(6, coldCalls.TotalRequests);
    }

    [Fact]
    public async Task Verify_LbcLagging_NotVerifiedUntilRuleUpdatedThenVerified()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        var listener = alb.Listener(80);
        alb.Rules(listener, [(canary, 0), (stable, 100)]);

        var lagging = await service.VerifyAsync(Request(alb, 30), default);
        alb.Rules(listener, [(canary, 30), (stable, 70)]);
        var converged = await service.VerifyAsync(Request(alb, 30), default);

        Assert.False(lagging.Verified);
        Assert.Equal([0, 100], lagging.TargetGroups.Select(t => t.ActualWeight ?? -1));
        Assert.Contains("web-canary has weight 0 of 100, expected 30 of 100", lagging.Reason, StringComparison.Ordinal);
        Assert.True(converged.Verified, converged.Reason);
    }

    [Fact]
    public async Task Verify_WrongWeightOnStableOnly_NotVerified()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        var preview = alb.TargetGroup("default", "web", "web-preview");
        alb.Rules(alb.Listener(80), [(canary, 20), (stable, 40), (preview, 40)]);

        var result = await service.VerifyAsync(Request(alb, 20), default);

        Assert.False(result.Verified);
        Assert.Contains("web-stable has weight 40 of 100, expected 80 of 100", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CanaryTargetGroupCreatedLater_NotVerifiedThenFoundWithoutWaitingForTtl()
    {
        var alb = new AlbSeed(harness.Store);
        var stable = alb.TargetGroup("default", "web", "web-stable");
        var listener = alb.Listener(80);
        alb.Rules(listener, [(stable, 100)]);

        var before = await service.VerifyAsync(Request(alb, 10), default);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        alb.Rules(listener, [(canary, 10), (stable, 90)]);
        var after = await service.VerifyAsync(Request(alb, 10), default);

        Assert.False(before.Verified);
        Assert.Contains("default/web-web-canary:80", before.Reason, StringComparison.Ordinal);
        Assert.True(after.Verified, after.Reason);
    }

    [Fact]
    public async Task Verify_CanaryTargetGroupReplacedByLbc_CachedListRefreshedOnNextVerification()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        var listener = alb.Listener(80);
        alb.Rules(listener, [(canary, 10), (stable, 90)]);
        Assert.True((await service.VerifyAsync(Request(alb, 10), default)).Verified);

        var replacement = alb.TargetGroup("default", "web", "web-canary");
        alb.Rules(listener, [(replacement, 10), (stable, 90)]);
        harness.Store.RemoveTargetGroup(canary);
        var first = await service.VerifyAsync(Request(alb, 10), default);
        var second = await service.VerifyAsync(Request(alb, 10), default);

        Assert.False(first.Verified);
        Assert.True(second.Verified, second.Reason);
        Assert.Equal(replacement, second.TargetGroups.Single(t => t.ServiceName == "web-canary").TargetGroupArn);
    }

    [Fact]
    public async Task Verify_MultiIngressOnSharedAndSeparateAlbs_EachIngressJudgedOnItsOwnRule()
    {
        // "web" and "api" share one ALB (an ingress group); "web-internal" has its own internal ALB that lags.
        var shared = new AlbSeed(harness.Store, "k8s-shared-group-1a2b3c4d5e");
        var webCanary = shared.TargetGroup("default", "web", "web-canary");
        var webStable = shared.TargetGroup("default", "web", "web-stable");
        var apiCanary = shared.TargetGroup("default", "api", "web-canary");
        var apiStable = shared.TargetGroup("default", "api", "web-stable");
        shared.Rules(shared.Listener(80), [(webCanary, 40), (webStable, 60)], [(apiCanary, 40), (apiStable, 60)]);
        var internalAlb = new AlbSeed(harness.Store, "k8s-default-webint-9f8e7d6c5b", "internal");
        var intCanary = internalAlb.TargetGroup("default", "web-internal", "web-canary");
        var intStable = internalAlb.TargetGroup("default", "web-internal", "web-stable");
        internalAlb.Rules(internalAlb.Listener(80), [(intCanary, 0), (intStable, 100)]);

        var results = await service.VerifyAllAsync([Request(shared, 40), Request(shared, 40, ingress: "api"), Request(internalAlb, 40, ingress: "web-internal")], default);

        Assert.Equal([true, true, false], results.Select(r => r.Verified));
        Assert.All(results[0].TargetGroups, t => Assert.Equal("1", t.RulePriority));
        Assert.All(results[1].TargetGroups, t => Assert.Equal("2", t.RulePriority));
        Assert.Equal(2, harness.Emulator.Counters.Calls(Elbv2Operations.DescribeTargetGroups)); // one per ALB: the shared one is cached
    }

    [Fact]
    public async Task Verify_PingPong_PromotionFlipsWhichServiceMustCarryTheWeight()
    {
        var alb = new AlbSeed(harness.Store);
        var ping = alb.TargetGroup("default", "web", "web-ping");
        var pong = alb.TargetGroup("default", "web", "web-pong");
        var listener = alb.Listener(80);
        alb.Rules(listener, [(pong, 25), (ping, 75)]);

        var step = await service.VerifyAsync(Request(alb, 25, canaryService: "web-pong", stableService: "web-ping"), default);
        alb.Rules(listener, [(pong, 100), (ping, 0)]);
        var endOfSteps = await service.VerifyAsync(Request(alb, 100, canaryService: "web-pong", stableService: "web-ping"), default);
        var afterPromotionRolesFlipped = await service.VerifyAsync(Request(alb, 0, canaryService: "web-ping", stableService: "web-pong"), default);
        var wrongSide = await service.VerifyAsync(Request(alb, 0, canaryService: "web-pong", stableService: "web-ping"), default);

        Assert.True(step.Verified, step.Reason);
        Assert.True(endOfSteps.Verified, endOfSteps.Reason);
        Assert.True(afterPromotionRolesFlipped.Verified, afterPromotionRolesFlipped.Reason);
        Assert.False(wrongSide.Verified);
    }

    [Fact]
    public async Task Verify_IngressWithoutHostnameOrUnknownHostname_NotYetVerifiedWithoutError()
    {
        var none = await service.VerifyAsync(new("default", "web", [], "80", [new("web-canary", 10), new("web-stable", 90)]), default);
        var unknown = await service.VerifyAsync(new("default", "web", [harness.Store.Arns.DnsName("k8s-not-there")], "80", [new("web-canary", 10), new("web-stable", 90)]), default);

        Assert.False(none.Verified);
        Assert.Contains("no load balancer hostname", none.Reason, StringComparison.Ordinal);
        Assert.False(unknown.Verified);
        Assert.Contains("no load balancer has DNS name", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AccessDeniedOnRules_ThrowsTheAwsError()
    {
        await using var denied = await EmulatorHarness.StartAsync(new RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2EmulatorOptions
        {
            Credentials = [new("AKIDNORULES", "secret", "123456789012", [Elbv2Operations.DescribeRules])],
        });
        var alb = new AlbSeed(denied.Store);
        var stable = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(stable, 100)]);
        var deniedService = new WeightVerificationService(new Elbv2Discovery(denied.Client(metrics, new Amazon.Runtime.BasicAWSCredentials("AKIDNORULES", "secret")), denied.Options));

        var error = await Assert.ThrowsAsync<Elbv2Exception>(() => deniedService.VerifyAsync(new("default", "web", [alb.DnsName], "80", [new("web-stable", 100)]), default));

        Assert.Equal("AccessDenied", error.Code);
    }
}
