namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;
using k8s.Models;

public sealed class MoreSemanticsTests
{
    [Fact]
    public async Task Watch_SendInitialEvents_EndsInitialStateWithTheAnnotatedBookmark()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{KubernetesSandbox.InMemoryHost}/api/v1/namespaces/{Objects.Ns}/pods?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await cluster.Client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var first = await reader.ReadLineAsync(cts.Token);
        var second = await reader.ReadLineAsync(cts.Token);

        Assert.Contains("\"type\":\"ADDED\"", first, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"BOOKMARK\"", second, StringComparison.Ordinal);
        Assert.Contains("\"k8s.io/initial-events-end\":\"true\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnsupportedFieldSelector_Returns400NamingTheField()
    {
        await using var cluster = TestCluster.Create();

        var status = await ApiError.ExpectAsync(HttpStatusCode.BadRequest,
            () => cluster.Client.NetworkingV1.ListNamespacedIngressAsync(Objects.Ns, fieldSelector: "spec.ingressClassName=alb"));

        Assert.Equal("field label not supported: spec.ingressClassName", status.Message);
    }

    [Fact]
    public async Task DeleteNamespace_RemovesEverythingInIt()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);

        var status = await cluster.Client.CoreV1.DeleteNamespaceAsync(Objects.Ns);

        Assert.Equal("Success", status.Status);
        Assert.Empty((await cluster.Client.CoreV1.ListPodForAllNamespacesAsync()).Items);
        Assert.Empty((await cluster.Client.NetworkingV1.ListIngressForAllNamespacesAsync()).Items);
    }

    [Fact]
    public async Task RequireNamespaces_CreatingInAMissingNamespace_Returns404LikeARealCluster()
    {
        await using var cluster = TestCluster.Create(o => o.RequireNamespaces = true);

        var status = await ApiError.ExpectAsync(HttpStatusCode.NotFound,
            () => cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns));

        Assert.Equal("namespaces \"prod\" not found", status.Message);
    }

    [Fact]
    public async Task Transports_InMemoryAndLoopback_ServeOneState()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Sandbox.StartAsync();
        using var loopback = new Kubernetes(new KubernetesClientConfiguration { Host = cluster.Sandbox.BaseAddress });

        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        var seen = await loopback.CoreV1.ReadNamespacedPodAsync("a", Objects.Ns);

        Assert.Equal("a", seen.Metadata.Name);
        Assert.StartsWith("http://127.0.0.1:", cluster.Sandbox.BaseAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_JsonListDocument_ExpandsItsItems()
    {
        await using var cluster = TestCluster.Create();

        var stored = cluster.Sandbox.Store.Seed("""
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","namespace":"prod"},"spec":{"containers":[{"name":"app","image":"nginx"}]}},
              {"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"prod"},"spec":{"containers":[{"name":"app","image":"nginx"}]}}]}
            """);
        var pods = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);

        Assert.Equal(2, stored.Count);
        Assert.Equal(["a", "b"], pods.Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task WatchSingleObjectByName_SeesOnlyThatObject()
    {
        await using var cluster = TestCluster.Create();
        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), Objects.Ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var names = new List<string>();

#pragma warning disable CS0618 // see WatchTests: the resumable watch API is the one under contract
        await foreach (var (type, pod) in cluster.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Objects.Ns, fieldSelector: "metadata.name=b", watch: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token)
            .WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token))
#pragma warning restore CS0618
        {
            names.Add($"{type} {pod.Metadata.Name}");
            break;
        }

        Assert.Equal(["Added b"], names);
    }
}
