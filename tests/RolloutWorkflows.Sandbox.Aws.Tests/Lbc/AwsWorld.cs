namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s;
using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>
/// A Kubernetes API (a minimal stand-in until the project's Kubernetes sandbox lands), the ELBv2 emulator
/// and the LBC simulator on one fake clock, with the real KubernetesClient. ReplicaSets are simulated by
/// their Pods and the Services' EndpointSlices; reconcile passes are stepped by the test.
/// </summary>
internal sealed class AwsWorld : IAsyncDisposable
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, int> replicas = new(StringComparer.Ordinal);
    private int nextIp = 10;

    public AwsWorld()
    {
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Api = new FakeKubeApi();
        Client = Api.Client();
        Elb = Elbv2Emulator.CreateInMemory(new Elbv2EmulatorOptions { TimeProvider = Time });
        Lbc = new LbcSimulator(Client, Elb.Store, new LbcSimulatorOptions
        {
            ReconcileLag = Lag,
            TargetRegistrationDelay = TimeSpan.FromSeconds(5),
            DeregistrationDelay = TimeSpan.FromSeconds(30),
            TimeProvider = Time,
        });
        Lbc.Start();
    }

    public FakeTimeProvider Time { get; }

    public FakeKubeApi Api { get; }

    public Kubernetes Client { get; }

    public Elbv2Emulator Elb { get; }

    public Elbv2Store Store => Elb.Store;

    public LbcSimulator Lbc { get; }

    /// <summary>Creates the guide's Services, a stable (2 pods) and a canary (1 pod) revision and the annotated Ingress.</summary>
    public Task SeedGuideAsync(int canaryWeight = 10, int stableWeight = 90)
    {
        Api.Edit(api =>
        {
            api.Services.AddRange([GuideObjects.Service("root-service", "s1"), GuideObjects.Service("stable-service", "s1"), GuideObjects.Service("canary-service", "c1")]);
            api.Ingresses.Add(GuideObjects.Ingress(GuideObjects.Action(canaryWeight, stableWeight)));
        });
        return Task.WhenAll(ScaleAsync("web-s1", 2), ScaleAsync("web-c1", 1));
    }

    /// <summary>One pass now, the lag, one more pass: whatever Kubernetes says now is in ELBv2 afterwards.</summary>
    public async Task ConvergeAsync()
    {
        await Lbc.ReconcileOnceAsync();
        Time.Advance(Lag);
        await Lbc.ReconcileOnceAsync();
    }

    /// <summary>Scales the revision of a ReplicaSet named `web-&lt;hash&gt;`: Pods and EndpointSlices follow at once.</summary>
    public Task ScaleAsync(string replicaSet, int count)
    {
        var hash = replicaSet["web-".Length..];
        Api.Edit(api =>
        {
            replicas[hash] = count;
            var mine = api.Pods.Where(p => p.Metadata.Labels["rollouts-pod-template-hash"] == hash).ToList();
            foreach (var extra in mine.Skip(count))
            {
                api.Pods.Remove(extra);
            }

            for (var i = mine.Count; i < count; i++)
            {
                api.Pods.Add(Traffic.AlbRouterTests.Pod($"10.0.0.{nextIp++}", hash));
            }

            api.EndpointSlices.Clear();
            foreach (var service in api.Services)
            {
                var selected = api.Pods.Where(p => service.Spec.Selector.All(s => p.Metadata.Labels.TryGetValue(s.Key, out var v) && v == s.Value));
                api.EndpointSlices.Add(GuideObjects.Slice(service.Metadata.Name, [.. selected.Select(p => (p.Status.PodIP, true))]));
            }
        });
        return Task.CompletedTask;
    }

    public Task SetWeightsAsync(int canary, int stable)
    {
        Api.Edit(api => api.Ingresses.Single().Metadata.Annotations["alb.ingress.kubernetes.io/actions.root-service"] = GuideObjects.Action(canary, stable));
        return Task.CompletedTask;
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

    public Task<IReadOnlyList<string>> PodIpsAsync(string hash)
    {
        IReadOnlyList<string> ips = [];
        Api.Edit(api => ips = [.. api.Pods.Where(p => p.Metadata.Labels["rollouts-pod-template-hash"] == hash).Select(p => p.Status.PodIP).Order(StringComparer.Ordinal)]);
        return Task.FromResult(ips);
    }

    public async ValueTask DisposeAsync()
    {
        await Lbc.DisposeAsync();
        await Elb.DisposeAsync();
        Client.Dispose();
    }

    private string ServiceOf(string targetGroupArn)
    {
        var resource = Store.GetTags(targetGroupArn)["ingress.k8s.aws/resource"];
        return resource["default/ingress-".Length..resource.LastIndexOf(':')];
    }
}
