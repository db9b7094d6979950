namespace RolloutWorkflows.Workflows.Tests.Workflows;

using k8s;
using k8s.Models;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Sandbox.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Tests.Planning;

/// <summary>The workflow with the real reference, ReplicaSet and Service activities against the Kubernetes sandbox (real client, simulated controllers).</summary>
[Collection(WorkflowCollection.Name)]
public class KubernetesSandboxWorkflowTests
{
    private const string PodTemplate = """
        {"metadata":{"labels":{"app":"kweb"}},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"name":"http","containerPort":8080}]}]}}
        """;

    private readonly WorkflowFixture fixture;

    public KubernetesSandboxWorkflowTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public async Task BlueGreen_RealActivities_ActiveSwitchedAndOldScaledDownInTheCluster()
    {
        await using var sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { Seed = 7 });
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, sandbox.CreateHandler());
        foreach (var name in new[] { "active-service", "preview-service" })
        {
            await client.CoreV1.CreateNamespacedServiceAsync(
                new V1Service
                {
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
                    Spec = new V1ServiceSpec
                    {
                        Selector = new Dictionary<string, string> { ["app"] = "kweb" },
                        Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }],
                    },
                },
                "default");
        }

        var services = new ServiceGateway(client);
        var activities = new object[]
        {
            new ReferenceActivities(services, new IngressGateway(client, new KubernetesOptions()), new AlbIngressClassOptions(), new VerificationPolicyOptions()),
            new ReplicaSetActivities(new ReplicaSetGateway(client)),
            new ServiceActivities(services),
        };
        var rollout = new RolloutHarness(fixture.Client, activities, "kweb");
        RolloutRevision Revision(string image) => Specs.BlueGreen(hash: image.Replace(".", "", StringComparison.Ordinal), name: rollout.Name, verify: false) with
        {
            PodTemplateJson = PodTemplate.Replace("nginx:1.27", $"nginx:{image}", StringComparison.Ordinal),
            Spec = Specs.BlueGreen(name: rollout.Name).Spec with { SelectorMatchLabels = new Dictionary<string, string> { ["app"] = "kweb" } },
        };

        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Revision("127"));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Revision("128"));
            var status = await rollout.WaitForHealthyAsync(2);

            Assert.Equal($"{rollout.Name}-128", status.StableReplicaSet);
            Assert.Equal("128", (await services.GetServiceAsync("default", "active-service", default)).SelectedPodTemplateHash);
            Assert.Equal("128", (await services.GetServiceAsync("default", "preview-service", default)).SelectedPodTemplateHash);
            var old = await client.AppsV1.ReadNamespacedReplicaSetAsync($"{rollout.Name}-127", "default");
            var current = await client.AppsV1.ReadNamespacedReplicaSetAsync($"{rollout.Name}-128", "default");
            Assert.Equal(0, old.Spec.Replicas);
            Assert.Equal(3, current.Spec.Replicas);
            Assert.Equal(3, current.Status.AvailableReplicas);
        });
    }
}
