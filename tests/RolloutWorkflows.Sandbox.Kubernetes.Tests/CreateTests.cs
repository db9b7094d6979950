namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;
using k8s.Models;

public sealed class CreateTests
{
    [Fact]
    public async Task Create_GenerateName_AssignsNameUidTimestampAndGeneration()
    {
        await using var cluster = TestCluster.Create();
        var pod = Objects.Pod("ignored");
        pod.Metadata.Name = null;
        pod.Metadata.GenerateName = "web-";

        var created = await cluster.Client.CoreV1.CreateNamespacedPodAsync(pod, Objects.Ns);

        Assert.Matches("^web-[a-z0-9]{5}$", created.Metadata.Name);
        Assert.True(Guid.TryParse(created.Metadata.Uid, out _));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), created.Metadata.CreationTimestamp?.ToUniversalTime());
        Assert.Equal(1, created.Metadata.Generation);
        Assert.False(string.IsNullOrEmpty(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409AlreadyExists()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        var status = await ApiError.ExpectAsync(HttpStatusCode.Conflict,
            () => cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns));

        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("ingresses.networking.k8s.io \"web\" already exists", status.Message);
    }

    [Fact]
    public async Task Create_BodyNamespaceDiffersFromUrl_Returns400AndWritesNothing()
    {
        await using var cluster = TestCluster.Create();
        var ingress = Objects.Ingress();
        ingress.Metadata.NamespaceProperty = "staging";

        var status = await ApiError.ExpectAsync(HttpStatusCode.BadRequest,
            () => cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, Objects.Ns));

        Assert.Contains("does not match the namespace", status.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Sandbox.Audit.SuccessfulWrites);
        Assert.Empty(cluster.Sandbox.Store.List("networking.k8s.io/v1", "Ingress"));
    }

    [Fact]
    public async Task Create_KindWithStatusSubresource_DropsStatus()
    {
        await using var cluster = TestCluster.Create();
        var ingress = Objects.Ingress();
        ingress.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Hostname = "fake.elb" }] } };

        var created = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, Objects.Ns);

        Assert.Null(created.Status?.LoadBalancer?.Ingress);
    }

    [Fact]
    public async Task Create_InvalidName_Returns422NamingTheField()
    {
        await using var cluster = TestCluster.Create();

        var status = await ApiError.ExpectAsync(HttpStatusCode.UnprocessableEntity,
            () => cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("Web_Pod"), Objects.Ns));

        Assert.Equal("Invalid", status.Reason);
        Assert.Contains("metadata.name", status.Message, StringComparison.Ordinal);
    }
}
