namespace RolloutWorkflows.Activities.Tests.Kubernetes;

using RolloutWorkflows.Activities.Kubernetes;

public class ServiceAndEndpointGatewayTests
{
    [Fact]
    public async Task SwitchSelector_PointsServiceAtRevisionAndMarksItManaged()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.StableService);

        var changed = await cluster.Services.SwitchSelectorAsync("default", "web-stable", "abc123", "web", CancellationToken.None);

        Assert.True(changed);
        var service = await cluster.Services.GetServiceAsync("default", "web-stable", CancellationToken.None);
        Assert.Equal("abc123", service.SelectedPodTemplateHash);
        Assert.Equal("web", service.Selector["app"]);
        Assert.Equal("web", service.ManagedBy);
    }

    [Fact]
    public async Task SwitchSelector_AlreadyPointing_WritesNothing()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.StableService);
        await cluster.Services.SwitchSelectorAsync("default", "web-stable", "abc123", "web", CancellationToken.None);
        var writesBefore = cluster.Sandbox.Audit.SuccessfulWrites.Count;

        var changed = await cluster.Services.SwitchSelectorAsync("default", "web-stable", "abc123", "web", CancellationToken.None);

        Assert.False(changed);
        Assert.Equal(writesBefore, cluster.Sandbox.Audit.SuccessfulWrites.Count);
    }

    [Fact]
    public async Task GetService_Missing_ThrowsNotFoundNamingTheService()
    {
        await using var cluster = SandboxCluster.Create();

        var error = await Assert.ThrowsAsync<KubernetesObjectNotFoundException>(
            () => cluster.Services.GetServiceAsync("default", "web-canary", CancellationToken.None));

        Assert.Equal("Service", error.Kind);
        Assert.Contains("default/web-canary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEndpoints_ReadyPods_ResolveNamedTargetPortToContainerPort()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.StableService);
        await cluster.ReplicaSets.EnsureReplicaSetAsync(
            new ReplicaSetTemplate("default", "web", "abc123", 3, new Dictionary<string, string> { ["app"] = "web" }, Manifests.PodTemplate, 1),
            CancellationToken.None);
        await cluster.Services.SwitchSelectorAsync("default", "web-stable", "abc123", "web", CancellationToken.None);
        cluster.Settle();

        var endpoints = await cluster.Endpoints.GetEndpointsAsync("default", "web-stable", 80, CancellationToken.None);

        Assert.Equal(3, endpoints.Ready.Count);
        Assert.All(endpoints.Ready, e => Assert.EndsWith(":8080", e, StringComparison.Ordinal));
        Assert.All(endpoints.Ready, e => Assert.StartsWith("198.", e, StringComparison.Ordinal));
        Assert.Empty(endpoints.NotReady);
        Assert.Equal("EndpointSlice", endpoints.Source);
    }

    [Fact]
    public async Task GetEndpoints_PodsNotYetReady_AreListedAsNotReady()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Controllers.Options.ReadinessDelay = TimeSpan.FromSeconds(30);
        cluster.Sandbox.Store.Seed(Manifests.StableService);
        await cluster.ReplicaSets.EnsureReplicaSetAsync(
            new ReplicaSetTemplate("default", "web", "abc123", 2, new Dictionary<string, string> { ["app"] = "web" }, Manifests.PodTemplate, 1),
            CancellationToken.None);
        cluster.Settle();

        var early = await cluster.Endpoints.GetEndpointsAsync("default", "web-stable", 80, CancellationToken.None);
        cluster.Time.Advance(TimeSpan.FromSeconds(31));
        cluster.Settle();
        var later = await cluster.Endpoints.GetEndpointsAsync("default", "web-stable", 80, CancellationToken.None);

        Assert.Empty(early.Ready);
        Assert.Equal(2, early.NotReady.Count);
        Assert.Equal(2, later.Ready.Count);
        Assert.Empty(later.NotReady);
    }

    [Fact]
    public async Task GetEndpoints_UnknownServicePort_ErrorNamesThePortAndTheFix()
    {
        await using var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(Manifests.StableService);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => cluster.Endpoints.GetEndpointsAsync("default", "web-stable", 443, CancellationToken.None));

        Assert.Contains("no port 443", error.Message, StringComparison.Ordinal);
        Assert.Contains("servicePort", error.Message, StringComparison.Ordinal);
    }
}
