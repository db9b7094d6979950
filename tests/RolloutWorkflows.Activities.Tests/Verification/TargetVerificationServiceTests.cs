namespace RolloutWorkflows.Activities.Tests.Verification;

using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Tests.Aws;
using RolloutWorkflows.Activities.Verification;

public sealed class TargetVerificationServiceTests : IAsyncLifetime, IDisposable
{
    private readonly Elbv2Metrics metrics = new();
    private EmulatorHarness harness = null!;
    private TargetVerificationService service = null!;
    private AlbSeed alb = null!;
    private string stable = null!;

    public async Task InitializeAsync()
    {
        harness = await EmulatorHarness.StartAsync();
        service = new TargetVerificationService(new Elbv2Discovery(harness.Client(metrics), harness.Options));
        alb = new AlbSeed(harness.Store);
        stable = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(stable, 100)]);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    [Fact]
    public async Task Verify_AllReadyEndpointsRegisteredViaBinding_VerifiedWithOneCall()
    {
        alb.Targets(stable, "10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080");

        var result = await service.VerifyAsync(new("default", "web-stable", ["10.0.0.1:8080", "10.0.0.2:8080"], [new(stable, "ip")]), default);

        Assert.True(result.Verified, result.Reason);
        Assert.Equal((2, 0, 1), (result.ExpectedCount, result.MissingCount, result.ExtraCount));
        Assert.Equal(1, harness.Emulator.Counters.TotalCalls);
    }

    [Fact]
    public async Task Verify_PartiallyRegistered_ListsMissingEndpoints()
    {
        alb.Targets(stable, "10.0.0.1:8080");

        var result = await service.VerifyAsync(new("default", "web-stable", ["10.0.0.1:8080", "10.0.0.2:8080"], [new(stable, "ip")]), default);

        Assert.False(result.Verified);
        Assert.Equal(["10.0.0.2:8080"], result.TargetGroups.Single().Missing);
        Assert.Contains("1/2 ready endpoints registered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReplacedPodStillDraining_OldTargetIsNotCountedForNewEndpoint()
    {
        alb.Targets(stable, "10.0.0.1:8080");
        alb.Targets(stable, "10.0.0.2:8080");

        var oldPodReady = await service.VerifyAsync(new("default", "web-stable", ["10.0.0.1:8080"], [new(stable, "ip")]), default);
        var newPodReady = await service.VerifyAsync(new("default", "web-stable", ["10.0.0.2:8080"], [new(stable, "ip")]), default);

        Assert.False(oldPodReady.Verified);
        Assert.True(newPodReady.Verified, newPodReady.Reason);
        Assert.Equal(0, newPodReady.ExtraCount);
    }

    [Fact]
    public async Task Verify_NoBindingGiven_FindsTargetGroupByLbcTags()
    {
        alb.Targets(stable, "10.0.0.1:8080");

        var result = await service.VerifyAsync(new("default", "web-stable", ["10.0.0.1:8080"], [], new TargetGroupLookup("web", [alb.DnsName], "80")), default);

        Assert.True(result.Verified, result.Reason);
        Assert.Equal(stable, result.TargetGroups.Single().TargetGroupArn);
    }

    [Fact]
    public async Task Verify_NoBindingAndNoTaggedGroup_NotVerified()
    {
        var result = await service.VerifyAsync(new("default", "web-canary", ["10.0.0.1:8080"], [], new TargetGroupLookup("web", [alb.DnsName], "80")), default);

        Assert.False(result.Verified);
        Assert.Contains("no target group", result.Reason, StringComparison.Ordinal);
    }
}
