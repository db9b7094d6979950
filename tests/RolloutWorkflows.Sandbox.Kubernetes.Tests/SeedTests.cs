namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s;

public sealed class SeedTests
{
    [Fact]
    public async Task Seed_MultiDocumentYamlWithCrd_CreatesEverythingReadableByTheClient()
    {
        await using var cluster = TestCluster.Create();
        var service = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web-stable
              namespace: prod
              labels: {app: web}
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80, targetPort: 8080}
            """;

        var stored = cluster.Sandbox.Store.Seed(string.Join("\n---\n", RolloutCrd.Crd, RolloutCrd.Rollout, service));
        var svc = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("web-stable", Objects.Ns);
        var rollout = cluster.Sandbox.Store.Get("argoproj.io/v1alpha1", "Rollout", Objects.Ns, "web");

        Assert.Equal(3, stored.Count);
        Assert.Equal("8080", svc.Spec.Ports[0].TargetPort.Value);
        Assert.Equal("Healthy", (string?)rollout!["status"]!["phase"]);
        Assert.Equal(4, (int)rollout["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Seed_ExistingObject_IsReplacedKeepingItsUid()
    {
        await using var cluster = TestCluster.Create();
        var first = cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout)[1];

        var second = cluster.Sandbox.Store.Seed(RolloutCrd.Rollout.Replace("replicas: 4", "replicas: 6", StringComparison.Ordinal))[0];

        Assert.Equal((string?)first["metadata"]!["uid"], (string?)second["metadata"]!["uid"]);
        Assert.Equal(6, (int)second["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Seed_UnknownKind_FailsNamingTheKindAndTheFix()
    {
        await using var cluster = TestCluster.Create();

        var error = Assert.Throws<ArgumentException>(() => cluster.Sandbox.Store.Seed(RolloutCrd.Rollout));

        Assert.Contains("Rollout in argoproj.io/v1alpha1", error.Message, StringComparison.Ordinal);
        Assert.Contains("CustomResourceDefinition", error.Message, StringComparison.Ordinal);
    }
}
