namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;
using RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// The Kubernetes sandbox, the ELBv2 emulator and the LBC simulator on one fake clock, with the real
/// KubernetesClient over the in-memory transport. Controllers and reconcile passes are stepped by the test.
/// </summary>
internal sealed class AwsWorld : IAsyncDisposable
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(10);

    public AwsWorld(bool readinessGates = false)
    {
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { TimeProvider = Time, RunControllers = false, Seed = 42 });
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = KubernetesSandbox.InMemoryHost }, Sandbox.CreateHandler());
        Elb = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions { TimeProvider = Time });
        Lbc = new LbcSimulator(Client, Elb.Store, new LbcSimulatorOptions
        {
            ReconcileLag = Lag,
            TargetRegistrationDelay = TimeSpan.FromSeconds(5),
            DeregistrationDelay = TimeSpan.FromSeconds(30),
            TimeProvider = Time,
            PodReadinessGateInject = readinessGates,
        });
        Lbc.AttachTo(Sandbox);
        Lbc.Start();
    }

    public FakeTimeProvider Time { get; }

    public KubernetesSandbox Sandbox { get; }

    public Kubernetes Client { get; }

    public Elbv2Emulator Elb { get; }

    public Elbv2Store Store => Elb.Store;

    public LbcSimulator Lbc { get; }

    /// <summary>Creates the guide's Services, a stable (2 pods) and a canary (1 pod) ReplicaSet and the annotated Ingress.</summary>
    public async Task SeedGuideAsync(int canaryWeight = 10, int stableWeight = 90)
    {
        foreach (var service in new[] { GuideObjects.Service("root-service", "s1"), GuideObjects.Service("stable-service", "s1"), GuideObjects.Service("canary-service", "c1") })
        {
            service.Metadata.Uid = null;
            await Client.CoreV1.CreateNamespacedServiceAsync(service, GuideObjects.Namespace);
        }

        await Client.AppsV1.CreateNamespacedReplicaSetAsync(ReplicaSet("web-s1", "s1", 2), GuideObjects.Namespace);
        await Client.AppsV1.CreateNamespacedReplicaSetAsync(ReplicaSet("web-c1", "c1", 1), GuideObjects.Namespace);
        await Client.NetworkingV1.CreateNamespacedIngressAsync(GuideObjects.Ingress(GuideObjects.Action(canaryWeight, stableWeight)), GuideObjects.Namespace);
        await SettleAsync();
    }

    /// <summary>Runs the Kubernetes controllers until pods, readiness and EndpointSlices stop changing.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 20 && Sandbox.Controllers.Step() > 0; i++)
        {
            await Task.Yield();
        }
    }

    /// <summary>One pass now, the lag, one more pass: whatever Kubernetes says now is in ELBv2 afterwards.</summary>
    public async Task ConvergeAsync()
    {
        await Lbc.ReconcileOnceAsync();
        Time.Advance(Lag);
        await Lbc.ReconcileOnceAsync();
    }

    public async Task ScaleAsync(string replicaSet, int replicas)
    {
        var patch = new V1Patch($$$"""{"spec":{"replicas":{{{replicas}}}}}""", V1Patch.PatchType.MergePatch);
        await Client.AppsV1.PatchNamespacedReplicaSetAsync(patch, replicaSet, GuideObjects.Namespace);
        await SettleAsync();
    }

    public async Task SetWeightsAsync(int canary, int stable)
    {
        var annotations = new Dictionary<string, string> { ["alb.ingress.kubernetes.io/actions.root-service"] = GuideObjects.Action(canary, stable) };
        var patch = new V1Patch(System.Text.Json.JsonSerializer.Serialize(new { metadata = new { annotations } }), V1Patch.PatchType.MergePatch);
        await Client.NetworkingV1.PatchNamespacedIngressAsync(patch, "ingress", GuideObjects.Namespace);
    }

    /// <summary>Gets the weights of the Ingress rule per Service, read back from the ELBv2 store through the LBC tags.</summary>
    public IReadOnlyDictionary<string, int> Weights()
    {
        var listener = Assert.Single(Store.Listeners);
        var forward = Store.GetRules(listener.Arn).Single().Actions.Single().Forward!;
        return forward.TargetGroups.ToDictionary(t => ServiceOf(t.TargetGroupArn), t => t.Weight);
    }

    /// <summary>Gets the target health of a Service's target group as `ip:port=state`.</summary>
    public IReadOnlyList<string> Targets(string service)
    {
        var group = Store.TargetGroups.Single(t => ServiceOf(t.Arn) == service);
        return [.. Store.GetTargetHealth(group.Arn).Select(h => $"{h.Id}:{h.Port}={h.State}")];
    }

    public async Task<IReadOnlyList<string>> PodIpsAsync(string hash) =>
        [.. (await Client.CoreV1.ListNamespacedPodAsync(GuideObjects.Namespace, labelSelector: $"rollouts-pod-template-hash={hash}")).Items.Select(p => p.Status.PodIP).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Lbc.DisposeAsync();
        await Elb.DisposeAsync();
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }

    private string ServiceOf(string targetGroupArn)
    {
        var resource = Store.GetTags(targetGroupArn)["ingress.k8s.aws/resource"];
        return resource["default/ingress-".Length..resource.LastIndexOf(':')];
    }

    private static V1ReplicaSet ReplicaSet(string name, string hash, int replicas)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = hash };
        return new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = GuideObjects.Namespace, Labels = labels },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:" + hash, Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }] }] },
                },
            },
        };
    }
}
