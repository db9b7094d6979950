namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s;
using k8s.Models;

public sealed class ControllerTests
{
    [Fact]
    public async Task ReplicaSet_Scaled0To5To2_YieldsMatchingPodsEndpointsAndSlices()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), "http"), Objects.Ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 0), Objects.Ns);
        cluster.Step();
        var atZero = await SnapshotAsync(cluster);

        await ScaleAsync(cluster, 5);
        var atFive = await SnapshotAsync(cluster);
        await ScaleAsync(cluster, 2);
        var atTwo = await SnapshotAsync(cluster);

        Assert.Equal((0, 0, 0), (atZero.Pods.Count, atZero.Ready, atZero.SliceEndpoints));
        Assert.Equal((5, 5, 5), (atFive.Pods.Count, atFive.Ready, atFive.SliceEndpoints));
        Assert.Equal((2, 2, 2), (atTwo.Pods.Count, atTwo.Ready, atTwo.SliceEndpoints));
        Assert.Subset(atFive.Pods.ToHashSet(), atTwo.Pods.ToHashSet());
        var rs = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v1", Objects.Ns);
        Assert.Equal((2, 2, 2, 2), (rs.Status.Replicas, rs.Status.ReadyReplicas, rs.Status.AvailableReplicas, rs.Status.FullyLabeledReplicas));
        Assert.Equal(rs.Metadata.Generation, rs.Status.ObservedGeneration);
        var pod = (await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items[0];
        Assert.Equal("web-v1", Assert.Single(pod.Metadata.OwnerReferences).Name);
        Assert.Equal("web", pod.Metadata.Labels["app"]);
        Assert.StartsWith("198.1", pod.Status.PodIP, StringComparison.Ordinal);
        var slice = Assert.Single((await cluster.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(Objects.Ns, labelSelector: "kubernetes.io/service-name=web")).Items);
        Assert.Equal(8080, Assert.Single(slice.Ports).Port);
    }

    [Fact]
    public async Task ReadinessDelay_PodsStayNotReadyUntilTheDelayHasPassed()
    {
        await using var cluster = TestCluster.Create(o => o.Controllers.ReadinessDelay = TimeSpan.FromSeconds(10));
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), 8080), Objects.Ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 3), Objects.Ns);
        cluster.Step();
        var started = await SnapshotAsync(cluster);
        cluster.Time.Advance(TimeSpan.FromSeconds(9));
        cluster.Step();
        var almost = await SnapshotAsync(cluster);
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        cluster.Step();
        var ready = await SnapshotAsync(cluster);

        Assert.Equal((3, 0, 3), (started.Pods.Count, started.Ready, started.NotReadyAddresses));
        Assert.Equal((0, 3), (almost.Ready, almost.NotReadyAddresses));
        Assert.Equal((3, 0, 3), (ready.Ready, ready.NotReadyAddresses, ready.Addresses));
    }

    [Fact]
    public async Task FailingPods_NeverBecomeReadyAndShowCrashLoop()
    {
        await using var cluster = TestCluster.Create();
        var rs = Objects.ReplicaSet("web-v2", 2, "v2");
        rs.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["sandbox.rolloutworkflows.io/fail"] = "true" };
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(rs, Objects.Ns);
        cluster.Step();
        cluster.Time.Advance(TimeSpan.FromMinutes(5));
        cluster.Step();

        var status = (await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v2", Objects.Ns)).Status;
        var pods = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        Assert.Equal(2, status.Replicas);
        Assert.Equal(0, status.ReadyReplicas ?? 0);
        Assert.All(pods.Items, p => Assert.Equal("CrashLoopBackOff", p.Status.ContainerStatuses[0].State.Waiting.Reason));
    }

    [Fact]
    public async Task PodFailsRule_MarksOnlyChosenPodsNotReady()
    {
        await using var cluster = TestCluster.Create(o => o.Controllers.PodFails = pod => (string?)pod["metadata"]?["labels"]?["version"] == "v2");
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 2), Objects.Ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v2", 2, "v2"), Objects.Ns);
        cluster.Step();

        var v1 = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v1", Objects.Ns);
        var v2 = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v2", Objects.Ns);
        Assert.Equal(2, v1.Status.ReadyReplicas);
        Assert.Equal(0, v2.Status.ReadyReplicas ?? 0);
    }

    [Fact]
    public async Task ServiceSelectorPatch_MovesEndpointsToTheNewPods()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 2), Objects.Ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v2", 3, "v2"), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web", "version=v1"), "http"), Objects.Ns);
        cluster.Step();
        var before = await SnapshotAsync(cluster);

        await cluster.Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch("""{"spec":{"selector":{"version":"v2"}}}""", V1Patch.PatchType.MergePatch), "web", Objects.Ns);
        cluster.Step();
        var after = await SnapshotAsync(cluster);

        Assert.Equal(2, before.Addresses);
        Assert.Equal(3, after.Addresses);
        Assert.Equal(3, after.SliceEndpoints);
    }

    [Fact]
    public async Task GarbageCollector_DeletedReplicaSet_TakesItsPodsAndEndpointsWithIt()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), "http"), Objects.Ns);
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 3), Objects.Ns);
        cluster.Step();

        await cluster.Client.AppsV1.DeleteNamespacedReplicaSetAsync("web-v1", Objects.Ns);
        var podsRightAfterDelete = (await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items.Count;
        cluster.Step();
        var after = await SnapshotAsync(cluster);

        Assert.Equal(3, podsRightAfterDelete);
        Assert.Equal((0, 0, 0), (after.Pods.Count, after.Addresses, after.SliceEndpoints));
    }

    [Fact]
    public async Task BackgroundLoop_OnTheRealClock_MakesAReplicaSetReadyByItself()
    {
        await using var sandbox = new KubernetesSandbox();
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, sandbox.CreateHandler());
        await client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 2), Objects.Ns);

        var ready = 0;
        for (var attempt = 0; attempt < 400 && ready < 2; attempt++)
        {
            await Task.Delay(25);
            ready = (await client.AppsV1.ReadNamespacedReplicaSetAsync("web-v1", Objects.Ns)).Status?.ReadyReplicas ?? 0;
        }

        Assert.Equal(2, ready);
        Assert.Null(sandbox.Controllers.LastError);
    }

    private static async Task ScaleAsync(TestCluster cluster, int replicas)
    {
        await cluster.Client.AppsV1.PatchNamespacedReplicaSetScaleAsync(new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}", V1Patch.PatchType.MergePatch), "web-v1", Objects.Ns);
        cluster.Step();
    }

    private static async Task<Snapshot> SnapshotAsync(TestCluster cluster)
    {
        var pods = (await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items;
        var endpoints = (await cluster.Client.CoreV1.ListNamespacedEndpointsAsync(Objects.Ns)).Items.FirstOrDefault();
        var slices = (await cluster.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(Objects.Ns)).Items;
        return new Snapshot(
            [.. pods.Select(p => p.Metadata.Name)],
            pods.Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            endpoints?.Subsets?.Sum(s => s.Addresses?.Count ?? 0) ?? 0,
            endpoints?.Subsets?.Sum(s => s.NotReadyAddresses?.Count ?? 0) ?? 0,
            slices.Sum(s => s.Endpoints?.Count ?? 0));
    }

    private sealed record Snapshot(List<string> Pods, int Ready, int Addresses, int NotReadyAddresses, int SliceEndpoints);
}
