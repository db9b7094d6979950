namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Kubernetes;

public class IngressGatewayTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task GetIngress_ReadsAnnotationsAndLoadBalancerHostname()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.Ingress);

        var ingress = await cluster.Ingresses.GetIngressAsync("default", "web", CancellationToken.None);

        Assert.Equal("alb", ingress.Annotations["kubernetes.io/ingress.class"]);
        Assert.Equal(["k8s-default-web-0123456789-1234567890.us-west-2.elb.amazonaws.com"], ingress.Hostnames);
        Assert.NotNull(ingress.ResourceVersion);
    }

    [Fact]
    public async Task PatchAnnotations_SendsOnlyDifferences_AndNothingWhenAlreadyThere()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.Ingress);
        var desired = new Dictionary<string, string?> { [ActionKey] = "{\"Type\":\"forward\"}", ["kubernetes.io/ingress.class"] = "alb" };

        var first = await cluster.Ingresses.PatchAnnotationsAsync("default", "web", _ => desired, CancellationToken.None);
        var second = await cluster.Ingresses.PatchAnnotationsAsync("default", "web", _ => desired, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.DoesNotContain("ingress.class", first.AppliedPatch, StringComparison.Ordinal);
        Assert.False(second.Changed);
        var stored = cluster.Sandbox.Store.Get("networking.k8s.io/v1", "Ingress", "default", "web")!;
        Assert.Equal("{\"Type\":\"forward\"}", stored["metadata"]!["annotations"]![ActionKey]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAnnotations_NullValue_RemovesTheKey()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.Ingress);

        var result = await cluster.Ingresses.PatchAnnotationsAsync(
            "default", "web", _ => new Dictionary<string, string?> { ["kubernetes.io/ingress.class"] = null }, CancellationToken.None);

        Assert.True(result.Changed);
        var ingress = await cluster.Ingresses.GetIngressAsync("default", "web", CancellationToken.None);
        Assert.False(ingress.Annotations.ContainsKey("kubernetes.io/ingress.class"));
    }

    [Fact]
    public async Task PatchAnnotations_ConcurrentWriter_RereadsRecomputesAndKeepsTheirChange()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.Ingress);
        var calls = 0;

        var result = await cluster.Ingresses.PatchAnnotationsAsync(
            "default",
            "web",
            snapshot =>
            {
                if (++calls == 1)
                {
                    // Another controller writes between our read and our patch.
                    cluster.Sandbox.Store.Mutate("networking.k8s.io/v1", "Ingress", "default", "web", o =>
                    {
                        ((JsonObject)o["metadata"]!["annotations"]!)["other.example.com/owner"] = "someone-else";
                        return true;
                    });
                }

                return new Dictionary<string, string?> { [ActionKey] = $"seen-{snapshot.Annotations.Count}" };
            },
            CancellationToken.None);

        Assert.True(result.Changed);
        Assert.Equal(2, result.Attempts);
        var ingress = await cluster.Ingresses.GetIngressAsync("default", "web", CancellationToken.None);
        Assert.Equal("someone-else", ingress.Annotations["other.example.com/owner"]);
        Assert.Equal("seen-2", ingress.Annotations[ActionKey]);
    }

    [Fact]
    public async Task GetIngress_Missing_ThrowsNotFoundNamingTheIngress()
    {
        await using var cluster = SandboxCluster.Create();

        var error = await Assert.ThrowsAsync<KubernetesObjectNotFoundException>(
            () => cluster.Ingresses.GetIngressAsync("default", "nope", CancellationToken.None));

        Assert.Equal("Ingress", error.Kind);
    }

    [Fact]
    public async Task LegacyApiVersion_ReadsAndPatchesExtensionsV1beta1Ingress()
    {
        await using var cluster = SandboxCluster.Create(new KubernetesOptions { IngressApiVersion = "extensions/v1beta1" }, legacyIngress: true);
        cluster.Sandbox.Store.Seed("""
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: legacy, namespace: default, annotations: {kubernetes.io/ingress.class: alb}}
            spec:
              rules:
              - http:
                  paths:
                  - path: /*
                    backend: {serviceName: web-stable, servicePort: use-annotation}
            """);

        var result = await cluster.Ingresses.PatchAnnotationsAsync(
            "default", "legacy", _ => new Dictionary<string, string?> { [ActionKey] = "x" }, CancellationToken.None);
        var ingress = await cluster.Ingresses.GetIngressAsync("default", "legacy", CancellationToken.None);

        Assert.True(result.Changed);
        Assert.Equal("extensions/v1beta1", ingress.ApiVersion);
        Assert.Equal("x", ingress.Annotations[ActionKey]);
        Assert.Equal("use-annotation", ingress.Object["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["servicePort"]!.GetValue<string>());
    }
}
