namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using k8s;
using RolloutWorkflows.Activities.Kubernetes;

public class ReplicaSetGatewayTests
{
    private static ReplicaSetTemplate Template(int replicas = 3) => new(
        "default", "web", "abc123", replicas, new Dictionary<string, string> { ["app"] = "web" }, Manifests.PodTemplate, 2);

    [Fact]
    public async Task EnsureReplicaSet_Missing_CreatesRevisionWithHashInLabelsSelectorAndTemplate()
    {
        await using var cluster = SandboxCluster.Create();

        var created = await cluster.ReplicaSets.EnsureReplicaSetAsync(Template(), CancellationToken.None);

        Assert.True(created);
        var rs = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-abc123", "default");
        Assert.Equal("abc123", rs.Metadata.Labels[ReplicaSetNames.PodTemplateHashLabel]);
        Assert.Equal("abc123", rs.Spec.Selector.MatchLabels[ReplicaSetNames.PodTemplateHashLabel]);
        Assert.Equal("web", rs.Spec.Selector.MatchLabels["app"]);
        Assert.Equal("abc123", rs.Spec.Template.Metadata.Labels[ReplicaSetNames.PodTemplateHashLabel]);
        Assert.Equal("2", rs.Metadata.Annotations[ReplicaSetNames.RevisionAnnotation]);
        Assert.Equal(3, rs.Spec.Replicas);
    }

    [Fact]
    public async Task EnsureReplicaSet_AlreadyThere_ReportsNoChangeAndWritesNothing()
    {
        await using var cluster = SandboxCluster.Create();
        await cluster.ReplicaSets.EnsureReplicaSetAsync(Template(), CancellationToken.None);
        var writesBefore = cluster.Sandbox.Audit.SuccessfulWrites.Count;

        var created = await cluster.ReplicaSets.EnsureReplicaSetAsync(Template(), CancellationToken.None);

        Assert.False(created);
        Assert.Equal(writesBefore, cluster.Sandbox.Audit.SuccessfulWrites.Count);
    }

    [Fact]
    public async Task ScaleReplicaSet_NewCount_PatchesOnlyWhenDifferent()
    {
        await using var cluster = SandboxCluster.Create();
        await cluster.ReplicaSets.EnsureReplicaSetAsync(Template(), CancellationToken.None);

        var first = await cluster.ReplicaSets.ScaleReplicaSetAsync("default", "web-abc123", 5, CancellationToken.None);
        var second = await cluster.ReplicaSets.ScaleReplicaSetAsync("default", "web-abc123", 5, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var rs = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-abc123", "default");
        Assert.Equal(5, rs.Spec.Replicas);
    }

    [Fact]
    public async Task ScaleReplicaSet_Missing_ThrowsNotFoundNamingTheObject()
    {
        await using var cluster = SandboxCluster.Create();

        var error = await Assert.ThrowsAsync<KubernetesObjectNotFoundException>(
            () => cluster.ReplicaSets.ScaleReplicaSetAsync("default", "web-nope", 1, CancellationToken.None));

        Assert.Contains("ReplicaSet default/web-nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAvailability_AfterControllersRun_IsFullyAvailable()
    {
        await using var cluster = SandboxCluster.Create();
        await cluster.ReplicaSets.EnsureReplicaSetAsync(Template(3), CancellationToken.None);

        var before = await cluster.ReplicaSets.GetAvailabilityAsync("default", "web-abc123", CancellationToken.None);
        cluster.Settle();
        var after = await cluster.ReplicaSets.GetAvailabilityAsync("default", "web-abc123", CancellationToken.None);

        Assert.False(before.IsFullyAvailable);
        Assert.True(after.IsFullyAvailable);
        Assert.Equal(3, after.AvailableReplicas);
    }

    [Fact]
    public async Task GetAvailability_Missing_ReportsDoesNotExist()
    {
        await using var cluster = SandboxCluster.Create();

        var availability = await cluster.ReplicaSets.GetAvailabilityAsync("default", "web-nope", CancellationToken.None);

        Assert.False(availability.Exists);
        Assert.False(availability.IsFullyAvailable);
    }
}
