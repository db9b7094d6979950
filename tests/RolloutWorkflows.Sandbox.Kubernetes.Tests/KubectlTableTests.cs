namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Text.Json.Nodes;

/// <summary>Server-side printing (Tables) and the OpenAPI documents, through the real kubectl.</summary>
public sealed class KubectlTableTests
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
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          ingressClassName: alb
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: web, port: {number: 80}}
        """;

    [Fact]
    public async Task GetPods_TableWithReadyStatusRestartsAndAge()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var (code, output, error) = await kubectl.RunAsync("get", "pods");

        Assert.True(code == 0, error);
        var lines = Lines(output);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        Assert.Equal(2, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^web-v1-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s$")));
    }

    [Fact]
    public async Task GetPodsWide_ShowsIpNodeAndReadinessGatesColumns()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var (code, output, error) = await kubectl.RunAsync("get", "pods", "-o", "wide");

        Assert.True(code == 0, error);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$", Lines(output)[0]);
        Assert.Matches(@"^web-v1-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s\s+198\.1[89]\.\d+\.\d+\s+<none>\s+<none>\s+<none>$", Lines(output)[1]);
    }

    [Fact]
    public async Task GetPodsAllNamespacesWithLabels_NamespaceAndLabelsFromTheRowObjects()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var (code, output, error) = await kubectl.RunAsync("get", "pods", "-A", "--show-labels");

        Assert.True(code == 0, error);
        Assert.Matches(@"^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$", Lines(output)[0]);
        Assert.Matches(@"^prod\s+web-v1-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s\s+app=web$", Lines(output)[1]);
    }

    [Fact]
    public async Task GetServicesReplicaSetsIngresses_EachWithItsColumns()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var services = await kubectl.RunAsync("get", "services");
        var replicaSets = await kubectl.RunAsync("get", "rs");
        var ingresses = await kubectl.RunAsync("get", "ingress");
        var namespaces = await kubectl.RunAsync("get", "namespaces");

        Assert.True(services.ExitCode + replicaSets.ExitCode + ingresses.ExitCode + namespaces.ExitCode == 0, services.Error + replicaSets.Error + ingresses.Error + namespaces.Error);
        Assert.Matches(@"^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$", Lines(services.Output)[0]);
        Assert.Matches(@"^web\s+ClusterIP\s+\d+\.\d+\.\d+\.\d+\s+<none>\s+80/TCP\s+\d+s$", Lines(services.Output)[1]);
        Assert.Matches(@"^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$", Lines(replicaSets.Output)[0]);
        Assert.Matches(@"^web-v1\s+2\s+2\s+2\s+\d+s$", Lines(replicaSets.Output)[1]);
        Assert.Matches(@"^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$", Lines(ingresses.Output)[0]);
        Assert.Matches(@"^web\s+alb\s+shop\.example\.com\s+80\s+\d+s$", Lines(ingresses.Output)[1]);
        Assert.Matches(@"^NAME\s+AGE$", Lines(namespaces.Output)[0]);
        Assert.Contains(Lines(namespaces.Output), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^prod\s+\d+s$"));
    }

    [Fact]
    public async Task GetWatch_EventsArriveAsTableRowsUnderOneHeader()
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
            string[] lines = [];
            for (var attempt = 0; attempt < 500 && lines.Count(ReadyRow) < 2; attempt++)
            {
                await Task.Delay(20);
                lock (output)
                {
                    lines = Lines(output.ToString());
                }
            }

            Assert.True(lines.Count(ReadyRow) >= 2, $"kubectl get -w printed: {string.Join('\n', lines)}");
            Assert.Single(lines, l => l.StartsWith("NAME", StringComparison.Ordinal));
            Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        static bool ReadyRow(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"^web-v1-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s$");
    }

    [Fact]
    public async Task GetOneObject_TableWithOneRowAndJsonOutputIsThePlainObject()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var table = await kubectl.RunAsync("get", "service", "web");
        var json = await kubectl.RunAsync("get", "service", "web", "-o", "json");

        Assert.True(table.ExitCode + json.ExitCode == 0, table.Error + json.Error);
        Assert.Equal(2, Lines(table.Output).Length);
        Assert.StartsWith("web ", Lines(table.Output)[1], StringComparison.Ordinal);
        var service = JsonNode.Parse(json.Output)!;
        Assert.Equal(("Service", "v1", "web"), ((string?)service["kind"], (string?)service["apiVersion"], (string?)service["metadata"]!["name"]));
    }

    [Fact]
    public async Task ApplyExistingObjectWithStrictValidation_OpenApiV2AnsweredAndObjectConfigured()
    {
        await using var kubectl = await StartWithObjectsAsync();

        var (code, output, error) = await kubectl.RunWithInputAsync(
            Manifests.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal), "apply", "--validate=strict", "-f", "-", "-v=6");

        Assert.True(code == 0, error);
        Assert.Contains("replicaset.apps/web-v1 configured", output, StringComparison.Ordinal);
        Assert.Matches(@"GET http://127\.0\.0\.1:\d+/openapi/v2\?timeout=32s 200 OK", error);
        Assert.DoesNotContain(error.Split('\n'), l => l.Contains("/openapi/", StringComparison.Ordinal) && l.Contains(" 404 ", StringComparison.Ordinal));
        Assert.Equal(3, (int)kubectl.Sandbox.Store.Get("apps/v1", "ReplicaSet", Objects.Ns, "web-v1")!["spec"]!["replicas"]!);
    }

    private static async Task<Kubectl> StartWithObjectsAsync()
    {
        var kubectl = await Kubectl.StartAsync();
        var (code, _, error) = await kubectl.RunWithInputAsync(Manifests, "apply", "-f", "-");
        Assert.True(code == 0, error);
        for (var i = 0; i < 500 && kubectl.Sandbox.Store.Get("apps/v1", "ReplicaSet", Objects.Ns, "web-v1")?["status"]?["readyReplicas"]?.GetValue<int>() != 2; i++)
        {
            await Task.Delay(20);
        }

        return kubectl;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
