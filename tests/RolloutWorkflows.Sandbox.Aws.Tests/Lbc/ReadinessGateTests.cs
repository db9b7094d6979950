namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s;
using k8s.Models;

/// <summary>
/// Pod readiness gates as the LBC runs them: injected into new pods of labelled namespaces whose Service
/// backs a target group, True only once the pod's target is healthy, and the pod Ready only then.
/// </summary>
public sealed class ReadinessGateTests
{
    private const string GatePrefix = "target-health.elbv2.k8s.aws/";

    [Fact]
    public async Task Webhook_PodCreatedAfterBindingInLabelledNamespace_GetsTheGateOfItsTargetGroupBinding()
    {
        await using var world = await GatedWorldAsync(labelNamespace: true);

        await world.ScaleAsync("web-c1", 2);

        var binding = await BindingNameAsync(world, "canary-service");
        var pods = (await world.Client.CoreV1.ListNamespacedPodAsync(GuideObjects.Namespace, labelSelector: "rollouts-pod-template-hash=c1")).Items;
        var gated = Assert.Single(pods, p => p.Spec.ReadinessGates is { Count: > 0 });
        Assert.Equal([GatePrefix + binding], gated.Spec.ReadinessGates.Select(g => g.ConditionType));
        Assert.Single(pods, p => p.Spec.ReadinessGates is null or { Count: 0 }); // created before the binding existed, as on a real cluster
    }

    [Fact]
    public async Task Webhook_NamespaceNotLabelled_NoGates()
    {
        await using var world = await GatedWorldAsync(labelNamespace: false);

        await world.ScaleAsync("web-c1", 2);

        var pods = (await world.Client.CoreV1.ListNamespacedPodAsync(GuideObjects.Namespace)).Items;
        Assert.Equal(4, pods.Count);
        Assert.All(pods, p => Assert.True(p.Spec.ReadinessGates is null or { Count: 0 }));
    }

    [Fact]
    public async Task GatedPod_ReadyOnlyOnceItsTargetIsHealthyThenInTheEndpoints()
    {
        await using var world = await GatedWorldAsync(labelNamespace: true);
        await world.ScaleAsync("web-c1", 2);
        var pod = await NewCanaryPodAsync(world);
        var gate = pod.Spec.ReadinessGates.Single().ConditionType;

        var beforeRegistration = await ObserveAsync(world, pod, gate);
        await world.ConvergeAsync();
        await world.SettleAsync();
        var registering = await ObserveAsync(world, pod, gate);
        world.Time.Advance(TimeSpan.FromSeconds(5));
        await world.Lbc.ReconcileOnceAsync();
        await world.SettleAsync();
        var healthy = await ObserveAsync(world, pod, gate);

        Assert.Equal((null, false, false), beforeRegistration);
        Assert.Equal(("False", false, false), registering);
        Assert.Equal(("True", true, true), healthy);
        Assert.Contains($"{pod.Status.PodIP}:8080=healthy", world.Targets("canary-service"));
        var replicaSet = await world.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-c1", GuideObjects.Namespace);
        Assert.Equal(2, replicaSet.Status.ReadyReplicas);
    }

    [Fact]
    public async Task GatedPod_RegisteringCondition_CarriesTheTargetHealthReason()
    {
        await using var world = await GatedWorldAsync(labelNamespace: true);
        await world.ScaleAsync("web-c1", 2);
        var pod = await NewCanaryPodAsync(world);

        await world.ConvergeAsync();

        var read = await world.Client.CoreV1.ReadNamespacedPodAsync(pod.Metadata.Name, GuideObjects.Namespace);
        var condition = Assert.Single(read.Status.Conditions, c => c.Type.StartsWith(GatePrefix, StringComparison.Ordinal));
        Assert.Equal(("False", "Elb.RegistrationInProgress"), (condition.Status, condition.Reason));
        Assert.Contains($"{pod.Status.PodIP}:8080=initial", world.Targets("canary-service"));
    }

    [Fact]
    public async Task ReadinessGates_OffByDefault_NoGatesAndNoConditionPatches()
    {
        await using var world = new AwsWorld();
        await LabelNamespaceAsync(world);
        await world.SeedGuideAsync();
        await world.ConvergeAsync();

        await world.ScaleAsync("web-c1", 2);
        await world.ConvergeAsync();

        var pods = (await world.Client.CoreV1.ListNamespacedPodAsync(GuideObjects.Namespace)).Items;
        Assert.All(pods, p => Assert.True(p.Spec.ReadinessGates is null or { Count: 0 }));
        Assert.Equal(0, world.Lbc.Counters.GateConditionsPatched);
        Assert.False(world.Lbc.Options.PodReadinessGateInject);
    }

    private static async Task<AwsWorld> GatedWorldAsync(bool labelNamespace)
    {
        var world = new AwsWorld(readinessGates: true);
        if (labelNamespace)
        {
            await LabelNamespaceAsync(world);
        }

        await world.SeedGuideAsync();
        await world.ConvergeAsync();
        return world;
    }

    private static async Task LabelNamespaceAsync(AwsWorld world)
    {
        var patch = new V1Patch("""{"metadata":{"labels":{"elbv2.k8s.aws/pod-readiness-gate-inject":"enabled"}}}""", V1Patch.PatchType.MergePatch);
        await world.Client.CoreV1.PatchNamespaceAsync(patch, GuideObjects.Namespace);
    }

    private static async Task<string> BindingNameAsync(AwsWorld world, string service)
    {
        var list = await world.Client.CustomObjects.ListNamespacedCustomObjectAsync("elbv2.k8s.aws", "v1beta1", GuideObjects.Namespace, "targetgroupbindings");
        var items = System.Text.Json.JsonSerializer.SerializeToElement(list).GetProperty("items").EnumerateArray();
        return items.Single(i => i.GetProperty("spec").GetProperty("serviceRef").GetProperty("name").GetString() == service)
            .GetProperty("metadata").GetProperty("name").GetString()!;
    }

    private static async Task<V1Pod> NewCanaryPodAsync(AwsWorld world) =>
        (await world.Client.CoreV1.ListNamespacedPodAsync(GuideObjects.Namespace, labelSelector: "rollouts-pod-template-hash=c1")).Items
            .Single(p => p.Spec.ReadinessGates is { Count: > 0 });

    /// <summary>The gate condition's status, whether the pod is Ready, and whether its EndpointSlice endpoint is ready.</summary>
    private static async Task<(string? Gate, bool PodReady, bool EndpointReady)> ObserveAsync(AwsWorld world, V1Pod pod, string gate)
    {
        var read = await world.Client.CoreV1.ReadNamespacedPodAsync(pod.Metadata.Name, GuideObjects.Namespace);
        var slices = await world.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(GuideObjects.Namespace, labelSelector: "kubernetes.io/service-name=canary-service");
        var endpoint = slices.Items.SelectMany(s => s.Endpoints).Single(e => e.TargetRef.Name == pod.Metadata.Name);
        return (
            read.Status.Conditions.FirstOrDefault(c => c.Type == gate)?.Status,
            read.Status.Conditions.Any(c => c.Type == "Ready" && c.Status == "True"),
            endpoint.Conditions.Ready == true);
    }
}
