namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

/// <summary>The LBC simulator against a Kubernetes API over the real KubernetesClient.</summary>
public sealed class LbcSimulatorTests : IAsyncDisposable
{
    private readonly AwsWorld world = new();

    [Fact]
    public async Task Reconcile_GuideIngress_RuleWeighsCanaryTenAndStableNinety()
    {
        await world.SeedGuideAsync(10, 90);

        await world.ConvergeAsync();

        Assert.Equal(new Dictionary<string, int> { ["canary-service"] = 10, ["stable-service"] = 90 }, world.Weights());
        var tags = world.Store.GetTags(world.Store.TargetGroups.Single(t => world.Store.GetTags(t.Arn)["ingress.k8s.aws/resource"].Contains("canary", StringComparison.Ordinal)).Arn);
        Assert.Equal(new Dictionary<string, string>
        {
            ["elbv2.k8s.aws/cluster"] = "sandbox",
            ["ingress.k8s.aws/stack"] = "default/ingress",
            ["ingress.k8s.aws/resource"] = "default/ingress-canary-service:80",
        }, tags);
    }

    [Fact]
    public async Task Reconcile_Applied_IngressStatusHostnameIsTheAlbDnsNameAndEventRecorded()
    {
        await world.SeedGuideAsync();

        await world.ConvergeAsync();

        var ingress = world.Api.Ingresses.Single();
        Assert.Equal(Assert.Single(world.Store.LoadBalancers).DnsName, Assert.Single(ingress.Status.LoadBalancer.Ingress).Hostname);
        var reconciled = Assert.Single(world.Api.Events, e => e.Reason == "SuccessfullyReconciled");
        Assert.Equal(("Ingress", "ingress", "Normal"), (reconciled.InvolvedObject.Kind, reconciled.InvolvedObject.Name, reconciled.Type));
    }

    [Fact]
    public async Task Reconcile_WeightChange_VisibleOnlyAfterTheLag()
    {
        await world.SeedGuideAsync(10, 90);
        await world.ConvergeAsync();

        await world.SetWeightsAsync(40, 60);
        await world.Lbc.ReconcileOnceAsync();
        world.Time.Advance(AwsWorld.Lag - TimeSpan.FromSeconds(1));
        await world.Lbc.ReconcileOnceAsync();
        var beforeLag = world.Weights();
        world.Time.Advance(TimeSpan.FromSeconds(1));
        await world.Lbc.ReconcileOnceAsync();

        Assert.Equal(10, beforeLag["canary-service"]);
        Assert.Equal(40, world.Weights()["canary-service"]);
    }

    [Fact]
    public async Task Reconcile_DuringOutage_NothingChangesThenConvergesAfterRestart()
    {
        await world.SeedGuideAsync(10, 90);
        await world.ConvergeAsync();
        var applies = world.Lbc.Counters.Applies;

        world.Lbc.Stop();
        await world.SetWeightsAsync(0, 100);
        await world.ScaleAsync("web-s1", 3);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var changedWhileDown = await world.Lbc.ReconcileOnceAsync();
        var weightsWhileDown = world.Weights();
        var stableTargetsWhileDown = world.Targets("stable-service").Count;
        world.Lbc.Start();
        await world.ConvergeAsync();

        Assert.False(changedWhileDown);
        Assert.Equal(applies, world.Lbc.Counters.Applies - 1);
        Assert.Equal(10, weightsWhileDown["canary-service"]);
        Assert.Equal(2, stableTargetsWhileDown);
        Assert.Equal(0, world.Weights()["canary-service"]);
        Assert.Equal(3, world.Targets("stable-service").Count);
    }

    [Fact]
    public async Task Reconcile_PodsAddedAndRemoved_TargetsRegisteredThenDrained()
    {
        await world.SeedGuideAsync();
        await world.ConvergeAsync();
        world.Time.Advance(TimeSpan.FromSeconds(5));
        var before = await world.PodIpsAsync("s1");

        await world.ScaleAsync("web-s1", 3);
        await world.ConvergeAsync();
        var added = (await world.PodIpsAsync("s1")).Except(before).Single();
        var afterScaleUp = world.Targets("stable-service");
        await world.ScaleAsync("web-s1", 1);
        await world.ConvergeAsync();
        var remaining = await world.PodIpsAsync("s1");
        var afterScaleDown = world.Targets("stable-service");
        world.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Contains($"{added}:8080=initial", afterScaleUp);
        Assert.Equal(2, afterScaleUp.Count(t => t.EndsWith("=healthy", StringComparison.Ordinal)));
        Assert.Equal(2, afterScaleDown.Count(t => t.EndsWith("=draining", StringComparison.Ordinal)));
        Assert.Equal([$"{Assert.Single(remaining)}:8080=healthy"], world.Targets("stable-service"));
    }

    [Fact]
    public async Task Reconcile_IngressDeleted_LoadBalancerAndTargetGroupsRemoved()
    {
        await world.SeedGuideAsync();
        await world.ConvergeAsync();

        world.Api.Edit(api => api.Ingresses.Clear());
        await world.ConvergeAsync();

        Assert.Empty(world.Store.LoadBalancers);
        Assert.Empty(world.Store.TargetGroups);
    }

    public async ValueTask DisposeAsync() => await world.DisposeAsync();
}
