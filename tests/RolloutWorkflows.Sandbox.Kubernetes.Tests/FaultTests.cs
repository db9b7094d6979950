namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutWorkflows.Sandbox.Kubernetes.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_429_AnswersTooManyRequestsWithRetryAfterThenRecovers()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        cluster.Sandbox.Faults.FailNext("patch", "ingresses", 429);
        var patch = new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(patch, "web", Objects.Ns));
        var retried = await cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(patch, "web", Objects.Ns);

        Assert.Equal((HttpStatusCode)429, error.Response.StatusCode);
        Assert.Equal("1", error.Response.Headers["Retry-After"].Single());
        Assert.Equal("TooManyRequests", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Reason);
        Assert.Equal("b", retried.Metadata.Labels["a"]);
        Assert.Equal([429, 200], cluster.Sandbox.Audit.Entries.Where(e => e.Verb == "patch").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Share_FailsSomeButNotAllMatchingRequestsWith500()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Faults.Add(new FaultRule { Verb = "list", Resource = "pods", StatusCode = 500, Count = null, Share = 0.5 });
        var failures = 0;

        for (var i = 0; i < 40; i++)
        {
            try
            {
                await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.InternalServerError)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 1, 39);
        Assert.Equal(failures, cluster.Sandbox.Faults.Injected);
    }

    [Fact]
    public async Task DropAllWatches_EndsOpenWatchStreams()
    {
        await using var cluster = TestCluster.Create();
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        var consume = Task.Run(async () =>
        {
#pragma warning disable CS0618 // see WatchTests: the resumable watch API is the one under contract
            // Bookmarks give the stream a first line: KubernetesClient peeks one before yielding and fails on an empty stream.
            await foreach (var unused in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, watch: true, allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion)
                .WatchAsync<V1Pod, V1PodList>())
#pragma warning restore CS0618
            {
            }
        });
        while (cluster.Sandbox.Api.Store.Hub.OpenWatches == 0)
        {
            await Task.Delay(10);
        }

        cluster.Sandbox.Faults.DropAllWatches();
        await consume.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, cluster.Sandbox.Api.Store.Hub.OpenWatches);
    }

    [Fact]
    public async Task AuditLog_RecordsWhoWroteWhatAndFailedWritesChangeNothing()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        var before = cluster.Sandbox.Store.ResourceVersion;

        await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch("[1,2]", V1Patch.PatchType.MergePatch), "web", Objects.Ns));

        var entries = cluster.Sandbox.Audit.Entries;
        Assert.Equal(("create", "ingresses.networking.k8s.io", Objects.Ns, 201), (entries[0].Verb, entries[0].Resource, entries[0].Namespace, entries[0].StatusCode));
        Assert.Contains("\"ingressClassName\":\"alb\"", entries[0].Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(entries[0].UserAgent));
        Assert.Equal(("patch", "web", 400), (entries[1].Verb, entries[1].Name, entries[1].StatusCode));
        Assert.Single(cluster.Sandbox.Audit.SuccessfulWrites);
        Assert.Equal(before, cluster.Sandbox.Store.ResourceVersion);
    }
}
