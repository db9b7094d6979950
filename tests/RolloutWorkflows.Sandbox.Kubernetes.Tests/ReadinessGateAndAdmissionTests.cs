namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

/// <summary>Readiness gates in the simulated kubelet and Endpoints controllers, and mutating admission hooks.</summary>
public sealed class ReadinessGateAndAdmissionTests
{
    [Fact]
    public async Task Pod_WithReadinessGates_ReadyAndInEndpointsOnlyWhenEveryGateIsTrue()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), "http"), Objects.Ns);
        var pod = Objects.Pod("web-1", Objects.Labels("app=web"));
        pod.Spec.Containers[0].Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }];
        pod.Spec.ReadinessGates = [new V1PodReadinessGate { ConditionType = "example.com/one" }, new V1PodReadinessGate { ConditionType = "example.com/two" }];
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(pod, Objects.Ns);
        cluster.Step();

        var noGateTrue = await ObserveAsync(cluster);
        await SetConditionAsync(cluster, "example.com/one", "True");
        var oneGateTrue = await ObserveAsync(cluster);
        await SetConditionAsync(cluster, "example.com/two", "True");
        var bothTrue = await ObserveAsync(cluster);
        await SetConditionAsync(cluster, "example.com/one", "False");
        var oneFalseAgain = await ObserveAsync(cluster);

        Assert.Equal((true, false, false), noGateTrue);
        Assert.Equal((true, false, false), oneGateTrue);
        Assert.Equal((true, true, true), bothTrue);
        Assert.Equal((true, false, false), oneFalseAgain);
        var conditions = (await cluster.Client.CoreV1.ReadNamespacedPodAsync("web-1", Objects.Ns)).Status.Conditions.Select(c => c.Type);
        Assert.Contains("example.com/two", conditions);
    }

    [Fact]
    public async Task MutatingAdmission_HookChangesCreatedObjectsOfItsKindOnly()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Admission.Add("label.example.com", "v1", "Pod", pod => ((JsonObject)pod["metadata"]!)["labels"] = new JsonObject { ["mutated"] = "yes" });

        var pod = await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("web-1"), Objects.Ns);
        var service = await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), "http"), Objects.Ns);
        var removed = cluster.Sandbox.Admission.Remove("label.example.com");
        var later = await cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("web-2"), Objects.Ns);

        Assert.Equal("yes", pod.Metadata.Labels["mutated"]);
        Assert.Null(service.Metadata.Labels);
        Assert.True(removed);
        Assert.Null(later.Metadata.Labels);
    }

    [Fact]
    public async Task MutatingAdmission_HookFails_CreateRejectedNamingTheHookAndNothingStored()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Admission.Add("broken.example.com", "v1", "Pod", _ => throw new InvalidOperationException("no answer"));

        var status = await ApiError.ExpectAsync(HttpStatusCode.InternalServerError, () => cluster.Client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("web-1"), Objects.Ns));

        Assert.Contains("failed calling webhook \"broken.example.com\": no answer", status.Message, StringComparison.Ordinal);
        Assert.Null(cluster.Sandbox.Store.Get("v1", "Pod", Objects.Ns, "web-1"));
    }

    private static async Task SetConditionAsync(TestCluster cluster, string type, string status)
    {
        var patch = new V1Patch($$$"""{"status":{"conditions":[{"type":"{{{type}}}","status":"{{{status}}}"}]}}""", V1Patch.PatchType.StrategicMergePatch);
        await cluster.Client.CoreV1.PatchNamespacedPodStatusAsync(patch, "web-1", Objects.Ns);
        cluster.Step();
    }

    /// <summary>ContainersReady, Ready, and whether the pod's EndpointSlice endpoint is ready.</summary>
    private static async Task<(bool ContainersReady, bool Ready, bool EndpointReady)> ObserveAsync(TestCluster cluster)
    {
        var pod = await cluster.Client.CoreV1.ReadNamespacedPodAsync("web-1", Objects.Ns);
        var slice = Assert.Single((await cluster.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(Objects.Ns, labelSelector: "kubernetes.io/service-name=web")).Items);
        bool IsTrue(string type) => pod.Status.Conditions.Any(c => c.Type == type && c.Status == "True");
        return (IsTrue("ContainersReady"), IsTrue("Ready"), Assert.Single(slice.Endpoints).Conditions.Ready == true);
    }
}
