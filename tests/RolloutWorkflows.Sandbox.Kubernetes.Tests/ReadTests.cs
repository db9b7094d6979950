namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;

public sealed class ReadTests
{
    [Fact]
    public async Task Get_Missing_Returns404StatusShapedLikeTheRealServer()
    {
        await using var cluster = TestCluster.Create();

        var status = await ApiError.ExpectAsync(HttpStatusCode.NotFound,
            () => cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", Objects.Ns));

        Assert.Equal("Failure", status.Status);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("ingresses.networking.k8s.io \"web\" not found", status.Message);
        Assert.Equal("web", status.Details.Name);
        Assert.Equal("networking.k8s.io", status.Details.Group);
        Assert.Equal("ingresses", status.Details.Kind);
    }

    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web,tier!=db", "a")]
    [InlineData("tier in (db,cache)", "b,c")]
    [InlineData("tier notin (db)", "a,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("app=web,tier in (front, db)", "a,b")]
    public async Task List_LabelSelectorGrammar_ReturnsMatchingItems(string selector, string expected)
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", Objects.Labels("app=web", "tier=front")), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", Objects.Labels("app=web", "tier=db")), Objects.Ns);
        var c = Objects.Pod("c", Objects.Labels("app=api"));
        c.Metadata.Labels["cache"] = "yes";
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(c, Objects.Ns);
        if (selector.Contains("(db,cache)", StringComparison.Ordinal))
        {
            await cluster.Client.CoreV1.PatchNamespacedPodAsync(new k8s.Models.V1Patch("""{"metadata":{"labels":{"tier":"cache"}}}""", k8s.Models.V1Patch.PatchType.MergePatch), "c", Objects.Ns);
        }

        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns, labelSelector: selector);

        Assert.Equal(expected, string.Join(",", list.Items.Select(p => p.Metadata.Name)));
    }

    [Fact]
    public async Task List_BadLabelSelector_Returns400()
    {
        await using var cluster = TestCluster.Create();

        var status = await ApiError.ExpectAsync(HttpStatusCode.BadRequest,
            () => cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns, labelSelector: "tier in db"));

        Assert.Contains("parentheses", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FieldSelectorOnNameAndNamespace_ReturnsOnlyThatObject()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), Objects.Ns);

        var list = await cluster.Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"metadata.name=b,metadata.namespace={Objects.Ns}");

        Assert.Equal("b", Assert.Single(list.Items).Metadata.Name);
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEveryItemOnce()
    {
        await using var cluster = TestCluster.Create();
        foreach (var name in new[] { "p1", "p2", "p3", "p4", "p5" })
        {
            await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod(name), Objects.Ns);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns, limit: 2, continueParameter: token);
            seen.AddRange(page.Items.Select(p => p.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_ResourceVersion_IsTheGlobalRevisionAndItemsOmitKind()
    {
        await using var cluster = TestCluster.Create();
        var created = await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        var list = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);

        Assert.Equal(cluster.Sandbox.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Metadata.ResourceVersion);
        Assert.True(long.Parse(list.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        var raw = await cluster.Client.HttpClient.GetStringAsync(new Uri($"{KubernetesSandbox.InMemoryHost}/api/v1/namespaces/{Objects.Ns}/pods"));
        Assert.DoesNotContain("\"kind\":\"Pod\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"PodList\"", raw, StringComparison.Ordinal);
    }
}
