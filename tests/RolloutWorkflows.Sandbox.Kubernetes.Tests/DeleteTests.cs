namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;
using k8s.Models;

public sealed class DeleteTests
{
    [Fact]
    public async Task Delete_StaleResourceVersionPrecondition_Returns409AndKeepsObject()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        var status = await ApiError.ExpectAsync(HttpStatusCode.Conflict,
            () => cluster.Client.NetworkingV1.DeleteNamespacedIngressAsync("web", Objects.Ns, new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = "1" } }));

        Assert.Contains("Precondition failed: ResourceVersion in precondition: 1", status.Message, StringComparison.Ordinal);
        Assert.NotNull(cluster.Sandbox.Store.Get("networking.k8s.io/v1", "Ingress", Objects.Ns, "web"));
    }

    [Fact]
    public async Task Delete_Ingress_ReturnsSuccessStatusWhilePodReturnsTheObject()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), Objects.Ns);

        var status = await cluster.Client.NetworkingV1.DeleteNamespacedIngressAsync("web", Objects.Ns);
        var pod = await cluster.Client.CoreV1.DeleteNamespacedPodAsync("a", Objects.Ns);

        Assert.Equal("Success", status.Status);
        Assert.Equal("web", status.Details.Name);
        Assert.Equal("a", pod.Metadata.Name);
        Assert.Empty((await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items);
    }

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestampUntilTheFinalizerIsRemoved()
    {
        await using var cluster = TestCluster.Create();
        var ingress = Objects.Ingress();
        ingress.Metadata.Finalizers = ["ingress.k8s.aws/resources"];
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, Objects.Ns);

        await cluster.Client.NetworkingV1.DeleteNamespacedIngressAsync("web", Objects.Ns);
        var pending = await cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", Objects.Ns);
        await cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "web", Objects.Ns);

        Assert.NotNull(pending.Metadata.DeletionTimestamp);
        await ApiError.ExpectAsync(HttpStatusCode.NotFound, () => cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", Objects.Ns));
    }

    [Fact]
    public async Task Delete_Orphan_StripsOwnerReferencesFromDependents()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 2), Objects.Ns);
        cluster.Step();

        await cluster.Client.AppsV1.DeleteNamespacedReplicaSetAsync("web-v1", Objects.Ns, propagationPolicy: "Orphan");
        cluster.Step();

        var pods = await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns);
        Assert.Equal(2, pods.Items.Count);
        Assert.All(pods.Items, p => Assert.Null(p.Metadata.OwnerReferences));
    }

    [Fact]
    public async Task Delete_Foreground_RemovesDependentsBeforeTheOwner()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 2), Objects.Ns);
        cluster.Step();

        await cluster.Client.AppsV1.DeleteNamespacedReplicaSetAsync("web-v1", Objects.Ns, propagationPolicy: "Foreground");
        var owner = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v1", Objects.Ns);
        cluster.Step();

        Assert.Contains("foregroundDeletion", owner.Metadata.Finalizers);
        Assert.NotNull(owner.Metadata.DeletionTimestamp);
        Assert.Empty((await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items);
        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedReplicaSetAsync(Objects.Ns)).Items);
    }

    [Fact]
    public async Task DeleteCollection_WithLabelSelector_DeletesOnlyMatches()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", Objects.Labels("role=canary")), Objects.Ns);
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", Objects.Labels("role=stable")), Objects.Ns);

        await cluster.Client.CoreV1.DeleteCollectionNamespacedPodAsync(Objects.Ns, labelSelector: "role=canary");

        Assert.Equal("b", Assert.Single((await cluster.Client.CoreV1.ListNamespacedPodAsync(Objects.Ns)).Items).Metadata.Name);
    }
}
