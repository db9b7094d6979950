namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

public sealed class KubectlTests
{
    private static string Manifests => """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: http}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-v1
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: app
                image: nginx:1.27
                ports:
                - {name: http, containerPort: 8080}
        """;

    [Fact]
    public async Task ApiResources_ListsTheServedKindsWithShortNames()
    {
        await using var kubectl = await Kubectl.StartAsync();

        var (code, output, error) = await kubectl.RunAsync("api-resources");

        Assert.True(code == 0, error);
        Assert.Matches(@"replicasets\s+rs\s+apps/v1\s+true\s+ReplicaSet", output);
        Assert.Matches(@"endpointslices\s+discovery.k8s.io/v1\s+true\s+EndpointSlice", output);
        Assert.Matches(@"ingresses\s+ing\s+networking.k8s.io/v1\s+true\s+Ingress", output);
    }

    [Fact]
    public async Task Apply_CreatesThenUpdatesAndGetShowsTheObjects()
    {
        await using var kubectl = await Kubectl.StartAsync();

        var created = await kubectl.RunWithInputAsync(Manifests, "apply", "-f", "-");
        var updated = await kubectl.RunWithInputAsync(Manifests.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal), "apply", "-f", "-");
        var get = await kubectl.RunAsync("get", "rs,svc");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("replicaset.apps/web-v1 created", created.Output, StringComparison.Ordinal);
        Assert.True(updated.ExitCode == 0, updated.Error);
        Assert.Contains("replicaset.apps/web-v1 configured", updated.Output, StringComparison.Ordinal);
        Assert.Contains("service/web unchanged", updated.Output, StringComparison.Ordinal);
        Assert.Equal(3, (int)kubectl.Sandbox.Store.Get("apps/v1", "ReplicaSet", Objects.Ns, "web-v1")!["spec"]!["replicas"]!);
        Assert.Contains("replicaset.apps/web-v1", get.Output, StringComparison.Ordinal);
        Assert.Contains("service/web", get.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_MergeJsonAndStrategic_AllApply()
    {
        await using var kubectl = await Kubectl.StartAsync();
        await kubectl.RunWithInputAsync(Manifests, "apply", "-f", "-");

        var merge = await kubectl.RunAsync("patch", "svc", "web", "--type", "merge", "-p", """{"spec":{"selector":{"version":"v2"}}}""");
        var json = await kubectl.RunAsync("patch", "svc", "web", "--type", "json", "-p", """[{"op":"add","path":"/metadata/labels","value":{"track":"stable"}}]""");
        var strategic = await kubectl.RunAsync("patch", "rs", "web-v1", "--type", "strategic", "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""");
        var svc = kubectl.Sandbox.Store.Get("v1", "Service", Objects.Ns, "web")!;
        var rs = kubectl.Sandbox.Store.Get("apps/v1", "ReplicaSet", Objects.Ns, "web-v1")!;

        Assert.True(merge.ExitCode + json.ExitCode + strategic.ExitCode == 0, merge.Error + json.Error + strategic.Error);
        Assert.Equal("v2", (string?)svc["spec"]!["selector"]!["version"]);
        Assert.Equal("stable", (string?)svc["metadata"]!["labels"]!["track"]);
        var container = rs["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.28", (string?)container["image"]);
        Assert.Equal(8080, (int)container["ports"]![0]!["containerPort"]!);
    }

    [Fact]
    public async Task Delete_RemovesTheObjectAndMissingObjectsReportNotFound()
    {
        await using var kubectl = await Kubectl.StartAsync();
        await kubectl.RunWithInputAsync(Manifests, "apply", "-f", "-");

        var deleted = await kubectl.RunAsync("delete", "svc", "web");
        var again = await kubectl.RunAsync("delete", "svc", "web");

        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.Null(kubectl.Sandbox.Store.Get("v1", "Service", Objects.Ns, "web"));
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("Error from server (NotFound): services \"web\" not found", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWatch_StreamsPodsCreatedByTheReplicaSetController()
    {
        await using var kubectl = await Kubectl.StartAsync();
        var (process, output) = kubectl.StartStreaming("get", "pods", "-w", "--request-timeout=30s");
        try
        {
            while (kubectl.Sandbox.Api.Store.Hub.OpenWatches == 0 && !process.HasExited)
            {
                await Task.Delay(20);
            }

            await kubectl.RunWithInputAsync(Manifests, "apply", "-f", "-");
            var lines = 0;
            for (var attempt = 0; attempt < 500 && lines < 2; attempt++)
            {
                await Task.Delay(20);
                lock (output)
                {
                    lines = output.ToString().Split('\n').Count(l => l.StartsWith("web-v1-", StringComparison.Ordinal));
                }
            }

            Assert.True(lines >= 2, $"kubectl get -w printed: {output}");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
