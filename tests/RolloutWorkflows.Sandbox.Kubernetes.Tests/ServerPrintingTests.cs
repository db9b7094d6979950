namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Printing;

/// <summary>Tables and OpenAPI v2 on the wire, as kubectl negotiates them (raw HTTP through the in-memory transport).</summary>
public sealed class ServerPrintingTests : IAsyncDisposable
{
    private const string KubectlAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private readonly TestCluster cluster = TestCluster.Create();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task ListPods_KubectlAccept_TableWithPodColumnsAgeAndPartialMetadata()
    {
        cluster.Sandbox.Store.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"prod","labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""");
        cluster.Step();
        cluster.Time.Advance(TimeSpan.FromSeconds(200));

        var table = await GetJsonAsync("/api/v1/namespaces/prod/pods", KubectlAccept);

        Assert.Equal(("Table", "meta.k8s.io/v1"), ((string?)table["kind"], (string?)table["apiVersion"]));
        Assert.Equal(
            ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"],
            table["columnDefinitions"]!.AsArray().Select(c => (string?)c!["name"]));
        var row = Assert.Single(table["rows"]!.AsArray())!;
        Assert.Equal(["web-1", "1/1", "Running", "0", "3m20s", "198.18.0.2", "<none>", "<none>", "<none>"], row["cells"]!.AsArray().Select(c => c!.ToString()));
        Assert.Equal(("PartialObjectMetadata", "web"), ((string?)row["object"]!["kind"], (string?)row["object"]!["metadata"]!["labels"]!["app"]));
        Assert.NotNull(table["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task GetAndList_WithoutTableOrWithIncludeObject_AnswerAsAsked()
    {
        cluster.Sandbox.Store.Seed("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"prod"},"spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080}]}}""");

        var plain = await GetJsonAsync("/api/v1/namespaces/prod/services/web", "application/json");
        var beta = await GetJsonAsync("/api/v1/namespaces/prod/services/web", "application/json;as=Table;v=v1beta1;g=meta.k8s.io");
        var full = await GetJsonAsync("/api/v1/namespaces/prod/services?includeObject=Object", KubectlAccept);

        Assert.Equal("Service", (string?)plain["kind"]);
        Assert.Equal(("Table", "meta.k8s.io/v1beta1"), ((string?)beta["kind"], (string?)beta["apiVersion"]));
        Assert.Equal(["web", "ClusterIP"], beta["rows"]![0]!["cells"]!.AsArray().Take(2).Select(c => c!.ToString()));
        Assert.Equal("80/TCP", full["rows"]![0]!["cells"]![4]!.ToString());
        Assert.Equal(("Service", "v1"), ((string?)full["rows"]![0]!["object"]!["kind"], (string?)full["rows"]![0]!["object"]!["apiVersion"]));
    }

    [Fact]
    public async Task OpenApiV2_ProtobufOrJsonAsAccepted()
    {
        using var protobuf = await GetAsync("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        var bytes = await protobuf.Content.ReadAsByteArrayAsync();
        var json = await GetJsonAsync("/openapi/v2", "application/json");

        Assert.Equal("application/com.github.proto-openapi.spec.v2@v1.0+protobuf", Assert.Single(protobuf.Content.Headers.NonValidated["Content-Type"]));
        Assert.Equal(new byte[] { 0x0A, 3, (byte)'2', (byte)'.', (byte)'0', 0x12 }, bytes[..6]);
        Assert.Equal(new byte[] { 0x42, 0, 0x4A, 0 }, bytes[^4..]);
        Assert.Equal("2.0", (string?)json["swagger"]);
        Assert.Empty(json["definitions"]!.AsObject());
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(200, "3m20s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData((5 * 3600) + (7 * 60), "5h7m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData((3 * 86400) + (2 * 3600), "3d2h")]
    [InlineData(100 * 86400, "100d")]
    [InlineData(800 * 86400, "2y70d")]
    public void HumanDuration_Format_AsKubectlPrintsAges(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KubernetesSandbox.InMemoryHost + path));
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await cluster.Client.HttpClient.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return response;
    }

    private async Task<JsonNode> GetJsonAsync(string path, string accept)
    {
        using var response = await GetAsync(path, accept);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
