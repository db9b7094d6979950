namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;

public sealed class CustomResourceTests
{
    [Fact]
    public async Task Crd_PostedThroughApiextensions_ServesRolloutsWithStatusAndScale()
    {
        await using var cluster = TestCluster.Create();
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(RolloutCrd.Crd);

        var created = await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        var rollout = JsonSerializer.Deserialize<JsonElement>("""{"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web"},"spec":{"replicas":4}}""");
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(rollout, RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural);
        var read = (JsonElement)await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web");
        var discovery = await cluster.Client.HttpClient.GetStringAsync(new Uri($"{KubernetesSandbox.InMemoryHost}/apis/argoproj.io/v1alpha1"));

        Assert.Contains(created.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal(4, read.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Contains("\"rollouts/status\"", discovery, StringComparison.Ordinal);
        Assert.Contains("\"rollouts/scale\"", discovery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crd_Deleted_StopsServingItsKind()
    {
        await using var cluster = TestCluster.Create();
        cluster.Sandbox.Store.Seed(RolloutCrd.Crd + "\n---\n" + RolloutCrd.Rollout);

        await cluster.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("rollouts.argoproj.io");

        await ApiError.ExpectAsync(HttpStatusCode.NotFound,
            () => cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(RolloutCrd.Group, RolloutCrd.Version, Objects.Ns, RolloutCrd.Plural, "web"));
    }

    [Fact]
    public async Task TargetGroupBinding_IsServedAsACustomResource()
    {
        await using var cluster = TestCluster.Create();
        var binding = JsonSerializer.Deserialize<JsonElement>("""
            {"apiVersion":"elbv2.k8s.aws/v1beta1","kind":"TargetGroupBinding","metadata":{"name":"web-canary"},
             "spec":{"serviceRef":{"name":"web-canary","port":80},"targetGroupARN":"arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-canary/0123456789abcdef","targetType":"ip"}}
            """);

        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(binding, "elbv2.k8s.aws", "v1beta1", Objects.Ns, "targetgroupbindings");
        var read = (JsonElement)await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync("elbv2.k8s.aws", "v1beta1", Objects.Ns, "targetgroupbindings", "web-canary");

        Assert.Equal("ip", read.GetProperty("spec").GetProperty("targetType").GetString());
    }

    [Fact]
    public async Task LegacyIngress_WhenSwitchedOn_IsServedThroughGenericClient()
    {
        await using var cluster = TestCluster.Create(o => o.LegacyIngressApis = true);
        var legacy = new GenericClient(cluster.Client, "networking.k8s.io", "v1beta1", "ingresses", disposeClient: false);
        var ingress = KubernetesJson.Deserialize<UntypedObject>("""{"apiVersion":"networking.k8s.io/v1beta1","kind":"Ingress","metadata":{"name":"web"},"spec":{"backend":{"serviceName":"web-stable","servicePort":80}}}""");

        await legacy.CreateNamespacedAsync(ingress, Objects.Ns);
        var read = await legacy.ReadNamespacedAsync<UntypedObject>(Objects.Ns, "web");

        Assert.Equal("web-stable", read.Extra!["spec"].GetProperty("backend").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task LegacyIngress_WhenOff_Is404()
    {
        await using var cluster = TestCluster.Create();
        var legacy = new GenericClient(cluster.Client, "extensions", "v1beta1", "ingresses", disposeClient: false);

        await ApiError.ExpectAsync(HttpStatusCode.NotFound, () => legacy.ReadNamespacedAsync<UntypedObject>(Objects.Ns, "web"));
    }

    [Fact]
    public async Task ReplicaSetScale_ReplaceSetsSpecReplicasAndReportsSelector()
    {
        await using var cluster = TestCluster.Create();
        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(Objects.ReplicaSet("web-v1", 1), Objects.Ns);
        var scale = await cluster.Client.AppsV1.ReadNamespacedReplicaSetScaleAsync("web-v1", Objects.Ns);
        scale.Spec.Replicas = 4;

        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedReplicaSetScaleAsync(scale, "web-v1", Objects.Ns);
        var rs = await cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("web-v1", Objects.Ns);

        Assert.Equal(4, replaced.Spec.Replicas);
        Assert.Equal(4, rs.Spec.Replicas);
        Assert.Equal("app=web,version=v1", scale.Status.Selector);
    }

    [Fact]
    public async Task Discovery_ListsGroupsAndResourcesForClients()
    {
        await using var cluster = TestCluster.Create();

        var groups = await cluster.Client.HttpClient.GetStringAsync(new Uri($"{KubernetesSandbox.InMemoryHost}/apis"));
        var core = await cluster.Client.HttpClient.GetStringAsync(new Uri($"{KubernetesSandbox.InMemoryHost}/api/v1"));
        var version = await cluster.Client.HttpClient.GetStringAsync(new Uri($"{KubernetesSandbox.InMemoryHost}/version"));

        Assert.Contains("\"discovery.k8s.io\"", groups, StringComparison.Ordinal);
        Assert.Contains("\"endpoints\"", core, StringComparison.Ordinal);
        Assert.Contains("\"major\":\"1\"", version, StringComparison.Ordinal);
    }
}
