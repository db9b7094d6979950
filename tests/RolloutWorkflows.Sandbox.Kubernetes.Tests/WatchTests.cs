// WatchAsync over a list response is marked obsolete, but it is the only client API that resumes from a
// resourceVersion with bookmarks and reports 410 through onError (reference/kubernetes.md 4.8), so the contract covers it.
#pragma warning disable CS0618

namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s;
using k8s.Models;

public sealed class WatchTests
{
    [Fact]
    public async Task Watch_FromEmptyVersion_SendsAddedForCurrentStateThenLiveEvents()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<string>();

        var stream = cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, cancellationToken: cts.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token);
        await foreach (var (type, pod) in stream)
        {
            events.Add($"{type} {pod.Metadata.Name}");
            if (events.Count == 1)
            {
                await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), Objects.Ns);
            }
            else
            {
                break;
            }
        }

        Assert.Equal(["Added a", "Added b"], events);
    }

    [Fact]
    public async Task Watch_FromResourceVersion_ReplaysOnlyLaterChanges()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        await cluster.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"step":"2"}}}""", V1Patch.PatchType.MergePatch), "a", Objects.Ns);
        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("a", Objects.Ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<string>();

        await foreach (var (type, pod) in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token))
        {
            events.Add($"{type} {pod.Metadata.Name} {pod.Metadata.Labels?["step"]}");
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["Modified a 2", "Deleted a 2"], events);
    }

    [Fact]
    public async Task Watch_ExpiredResourceVersion_Delivers410ExpiredToOnError()
    {
        await using var cluster = TestCluster.Create();
        var pod = await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), Objects.Ns);
        cluster.Sandbox.Store.ExpireWatchHistory();
        Exception? error = null;
        var received = 0;

        await foreach (var unused in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, resourceVersion: pod.Metadata.ResourceVersion)
            .WatchAsync<V1Pod, V1PodList>(e => error = e))
        {
            received++;
        }

        var kubeError = Assert.IsType<KubernetesException>(error);
        Assert.Equal(410, kubeError.Status.Code);
        Assert.Equal("Expired", kubeError.Status.Reason);
        Assert.StartsWith($"too old resource version: {pod.Metadata.ResourceVersion} (", kubeError.Status.Message, StringComparison.Ordinal);
        Assert.Equal(0, received);
    }

    [Fact]
    public async Task Watch_AllowBookmarks_SendsBookmarkAtStartAndOnTheCadence()
    {
        await using var cluster = TestCluster.Create(o => o.BookmarkInterval = TimeSpan.FromSeconds(10));
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var bookmarks = new List<string>();

        await foreach (var (type, pod) in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token))
        {
            Assert.Equal(WatchEventType.Bookmark, type);
            bookmarks.Add(pod.Metadata.ResourceVersion);
            if (bookmarks.Count == 2)
            {
                break;
            }

            cluster.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal([list.Metadata.ResourceVersion, list.Metadata.ResourceVersion], bookmarks);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStream()
    {
        await using var cluster = TestCluster.Create();
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        // Bookmarks give the stream a first line: KubernetesClient peeks one before yielding and fails on an empty stream.
        var response = cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 5);
        var events = 0;

        var consume = Task.Run(async () =>
        {
            await foreach (var (type, unused) in response.WatchAsync<V1Pod, V1PodList>())
            {
                events += type == WatchEventType.Bookmark ? 0 : 1;
            }
        });
        while (cluster.Sandbox.Api.Store.Hub.OpenWatches == 0)
        {
            await Task.Delay(10);
        }

        // The server may register its timeout timer just after the watch opens: keep the fake clock moving
        // (bounded) until the stream ends, instead of a single advance that can happen before the timer exists.
        for (var i = 0; i < 400 && !consume.IsCompleted; i++)
        {
            cluster.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        await consume.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, events);
        Assert.Equal(0, cluster.Sandbox.Api.Store.Hub.OpenWatches);
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectLeavingIsDeletedAndEnteringIsAdded()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", Objects.Labels("role=canary")), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", Objects.Labels("role=stable")), Objects.Ns);
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns, labelSelector: "role=canary");
        await cluster.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"role":"stable"}}}""", V1Patch.PatchType.MergePatch), "a", Objects.Ns);
        await cluster.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"role":"canary"}}}""", V1Patch.PatchType.MergePatch), "b", Objects.Ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<string>();

        await foreach (var (type, pod) in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, labelSelector: "role=canary", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token))
        {
            events.Add($"{type} {pod.Metadata.Name}");
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["Deleted a", "Added b"], events);
    }

    [Fact]
    public async Task Watch_CustomObjectsWithBookmarks_SeesStatusChanges()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout);
        var rv = cluster.Sandbox.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch("""{"status":{"currentStepIndex":2}}""", V1Patch.PatchType.MergePatch),
            RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<string>();

        await foreach (var (type, rollout) in cluster.Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<UntypedObject>>(
            RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, allowWatchBookmarks: true, resourceVersion: rv, watch: true, cancellationToken: cts.Token)
            .WatchAsync<UntypedObject, CustomResourceList<UntypedObject>>(cancellationToken: cts.Token))
        {
            events.Add(type == WatchEventType.Modified ? $"{type} {rollout.Extra!["status"].GetProperty("currentStepIndex").GetInt32()}" : type.ToString());
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["Bookmark", "Modified 2"], events);
    }
}
