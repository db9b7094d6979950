namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;

public sealed class PatchTests
{
    private static string ActionKey => "alb.ingress.kubernetes.io/actions.web";

    [Fact]
    public async Task MergePatch_SetsAndNullDeletesAnnotations()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        var action = """{"type":"forward","forwardConfig":{"targetGroups":[{"serviceName":"web-canary","servicePort":"80","weight":20}]}}""";
        var patch = JsonSerializer.Serialize(new { metadata = new { annotations = new Dictionary<string, string?> { [ActionKey] = action, ["team"] = null } } });

        var patched = await cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), "web", Objects.Ns);

        Assert.Equal(action, patched.Metadata.Annotations[ActionKey]);
        Assert.False(patched.Metadata.Annotations.ContainsKey("team"));
    }

    [Fact]
    public async Task JsonPatch_TestOnResourceVersionThenReplaceEscapedKey_AppliesAtomically()
    {
        await using var cluster = TestCluster.Create();
        var ingress = await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        var patch = $$"""
            [{"op":"test","path":"/metadata/resourceVersion","value":"{{ingress.Metadata.ResourceVersion}}"},
             {"op":"add","path":"/metadata/annotations/alb.ingress.kubernetes.io~1actions.web","value":"forward"}]
            """;

        var patched = await cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "web", Objects.Ns);

        Assert.Equal("forward", patched.Metadata.Annotations[ActionKey]);
    }

    [Fact]
    public async Task JsonPatch_FailedTest_Returns422AndWritesNothing()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);
        var before = cluster.Sandbox.Store.ResourceVersion;
        var patch = """[{"op":"test","path":"/metadata/resourceVersion","value":"1"},{"op":"replace","path":"/spec/ingressClassName","value":"evil"}]""";

        var status = await ApiError.ExpectAsync(HttpStatusCode.UnprocessableEntity,
            () => cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "web", Objects.Ns));

        Assert.Equal("Invalid", status.Reason);
        Assert.Equal(before, cluster.Sandbox.Store.ResourceVersion);
        Assert.Equal(422, cluster.Sandbox.Audit.Entries[^1].StatusCode);
        Assert.Equal("alb", (string?)cluster.Sandbox.Store.Get("networking.k8s.io/v1", "Ingress", Objects.Ns, "web")!["spec"]!["ingressClassName"]);
    }

    [Fact]
    public async Task StrategicMergePatch_MergesContainersByNameAndDeletesByDirective()
    {
        await using var cluster = TestCluster.Create();
        var rs = Objects.ReplicaSet("web-v1", 1);
        rs.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "envoy:1" });
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(rs, Objects.Ns);
        var patch = """
            {"spec":{"template":{"spec":{"containers":[
              {"name":"app","image":"nginx:1.28","env":[{"name":"MODE","value":"canary"}]},
              {"name":"sidecar","$patch":"delete"}]}}}}
            """;

        var patched = await cluster.Client.AppsV1.PatchNamespacedReplicaSetAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web-v1", Objects.Ns);

        var container = Assert.Single(patched.Spec.Template.Spec.Containers);
        Assert.Equal("nginx:1.28", container.Image);
        Assert.Equal(8080, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("canary", Assert.Single(container.Env).Value);
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task StrategicMergePatch_ServicePortsMergeByPort()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Objects.Service("web", Objects.Labels("app=web"), 8080), Objects.Ns);
        var patch = """{"spec":{"selector":{"version":"v2"},"ports":[{"port":443,"name":"https","targetPort":8443}]}}""";

        var patched = await cluster.Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", Objects.Ns);

        Assert.Equal([80, 443], patched.Spec.Ports.Select(p => p.Port));
        Assert.Equal("v2", patched.Spec.Selector["version"]);
        Assert.Equal("web", patched.Spec.Selector["app"]);
    }

    [Fact]
    public async Task StrategicMergePatch_OnCustomResource_Returns415WithTheRealMessage()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout);

        var status = await ApiError.ExpectAsync(HttpStatusCode.UnsupportedMediaType,
            () => cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.StrategicMergePatch),
                RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web"));

        Assert.Equal("UnsupportedMediaType", status.Reason);
        Assert.Equal("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml", status.Message);
    }

    [Fact]
    public async Task ApplyPatch_Returns415()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        await ApiError.ExpectAsync(HttpStatusCode.UnsupportedMediaType,
            () => cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.ApplyPatch), "web", Objects.Ns, fieldManager: "rollouts", force: true));
    }

    [Fact]
    public async Task MergePatch_WithStaleResourceVersion_Returns409()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.NetworkingV1.CreateNamespacedIngressAsync(Objects.Ingress(), Objects.Ns);

        var status = await ApiError.ExpectAsync(HttpStatusCode.Conflict,
            () => cluster.Client.NetworkingV1.PatchNamespacedIngressAsync(new V1Patch("""{"metadata":{"resourceVersion":"1","labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch), "web", Objects.Ns));

        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task PatchStatus_OnRollout_ChangesStatusOnlyAndMainPatchBumpsGeneration()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout);
        var rollouts = new GenericClient(cluster.Client, RolloutCrd.Group, RolloutCrd.Version, RolloutCrd.Plural, disposeClient: false);

        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"phase":"Progressing","currentStepIndex":1},"spec":{"replicas":99}}""", V1Patch.PatchType.MergePatch),
            RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web");
        var main = await rollouts.PatchNamespacedAsync<UntypedObject>(
            new V1Patch("""{"spec":{"replicas":5},"status":{"phase":"Hacked"}}""", V1Patch.PatchType.MergePatch), Objects.Ns, "web");

        Assert.Equal(5, main.Extra!["spec"].GetProperty("replicas").GetInt32());
        Assert.Equal("Progressing", main.Extra["status"].GetProperty("phase").GetString());
        Assert.Equal(2, main.Metadata.Generation);
    }
}
