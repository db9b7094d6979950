namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s;
using k8s.Models;

/// <summary>The LBC simulator against the Kubernetes sandbox over the real KubernetesClient.</summary>
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

        var ingress = await world.Client.NetworkingV1.ReadNamespacedIngressAsync("ingress", GuideObjects.Namespace);
        Assert.Equal(Assert.Single(world.Store.LoadBalancers).DnsName, Assert.Single(ingress.Status.LoadBalancer.Ingress).Hostname);
        var events = await world.Client.CoreV1.ListNamespacedEventAsync(GuideObjects.Namespace);
        var reconciled = Assert.Single(events.Items, e => e.Reason == "SuccessfullyReconciled");
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
    public async Task Reconcile_TargetGroupBindingResourceServed_BindingPerTargetGroup()
    {
        await world.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TargetGroupBindingCrd());
        await world.SeedGuideAsync();

        await world.ConvergeAsync();

        var list = await world.Client.CustomObjects.ListNamespacedCustomObjectAsync("elbv2.k8s.aws", "v1beta1", GuideObjects.Namespace, "targetgroupbindings");
        var items = System.Text.Json.JsonSerializer.SerializeToElement(list).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("ip", i.GetProperty("spec").GetProperty("targetType").GetString()));
        Assert.Equal(
            ["canary-service", "stable-service"],
            items.Select(i => i.GetProperty("spec").GetProperty("serviceRef").GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reconcile_IngressDeleted_LoadBalancerAndTargetGroupsRemoved()
    {
        await world.SeedGuideAsync();
        await world.ConvergeAsync();

        await world.Client.NetworkingV1.DeleteNamespacedIngressAsync("ingress", GuideObjects.Namespace);
        await world.ConvergeAsync();

        Assert.Empty(world.Store.LoadBalancers);
        Assert.Empty(world.Store.TargetGroups);
    }

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private static V1CustomResourceDefinition TargetGroupBindingCrd() => new()
    {
        Metadata = new V1ObjectMeta { Name = "targetgroupbindings.elbv2.k8s.aws" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = "elbv2.k8s.aws",
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Plural = "targetgroupbindings", Singular = "targetgroupbinding", Kind = "TargetGroupBinding", ListKind = "TargetGroupBindingList" },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1beta1",
                    Served = true,
                    Storage = true,
                    Schema = new V1CustomResourceValidation { OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true } },
                },
            ],
        },
    };
}
