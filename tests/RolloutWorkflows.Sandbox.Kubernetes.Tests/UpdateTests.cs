namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;

public sealed class UpdateTests
{
    [Fact]
    public async Task Replace_StaleResourceVersion_Returns409WithTheRealMessage()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        var stale = await cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", Objects.Ns);
        cluster.Sandbox.Store.Mutate("networking.k8s.io/v1", "Ingress", Objects.Ns, "web", o =>
        {
            o["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["touched-by"] = "lbc" };
            return true;
        });
        stale.Metadata.Annotations["team"] = "checkout";

        var status = await ApiError.ExpectAsync(HttpStatusCode.Conflict,
            () => cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(stale, "web", Objects.Ns));

        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Operation cannot be fulfilled on ingresses.networking.k8s.io \"web\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
    }

    [Fact]
    public async Task Replace_CustomResourceWithoutResourceVersion_Returns422()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout);
        var body = JsonSerializer.Deserialize<JsonElement>("""{"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web","namespace":"prod"},"spec":{"replicas":9}}""");

        var status = await ApiError.ExpectAsync(HttpStatusCode.UnprocessableEntity,
            () => cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(body, RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web"));

        Assert.Contains("metadata.resourceVersion", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_MetadataOnlyChange_KeepsGenerationWhileSpecChangeBumpsIt()
    {
        await using var cluster = TestCluster.Create();
        var ingress = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        ingress.Metadata.Annotations["team"] = "checkout";
        ingress = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", Objects.Ns);
        var afterMetadata = ingress.Metadata.Generation;
        ingress.Spec.IngressClassName = "nginx";
        ingress = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", Objects.Ns);

        Assert.Equal(1, afterMetadata);
        Assert.Equal(2, ingress.Metadata.Generation);
    }

    [Fact]
    public async Task Replace_NoOpWrite_KeepsResourceVersion()
    {
        await using var cluster = TestCluster.Create();
        var ingress = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        var again = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", Objects.Ns);

        Assert.Equal(ingress.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Replace_BuiltInWithoutResourceVersion_IsUnconditional()
    {
        await using var cluster = TestCluster.Create();
        var ingress = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        ingress.Metadata.ResourceVersion = null;
        ingress.Metadata.Annotations["team"] = "search";

        var replaced = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", Objects.Ns);

        Assert.Equal("search", replaced.Metadata.Annotations["team"]);
        Assert.Equal(ingress.Metadata.Uid, replaced.Metadata.Uid);
    }

    [Fact]
    public async Task ReplaceStatus_ChangesOnlyStatusAndMainWriteIgnoresStatus()
    {
        await using var cluster = TestCluster.Create();
        var ingress = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        ingress.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Hostname = "k8s-prod-web.elb.amazonaws.com" }] } };
        ingress.Spec.IngressClassName = "sneaky";

        var afterStatus = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressStatusAsync(ingress, "web", Objects.Ns);
        afterStatus.Status.LoadBalancer.Ingress[0].Hostname = "overwritten";
        var afterMain = await cluster.Client.NetworkingV1.ReplaceNamespacedIngressAsync(afterStatus, "web", Objects.Ns);

        Assert.Equal("alb", afterStatus.Spec.IngressClassName);
        Assert.Equal("k8s-prod-web.elb.amazonaws.com", afterMain.Status.LoadBalancer.Ingress[0].Hostname);
    }
}
