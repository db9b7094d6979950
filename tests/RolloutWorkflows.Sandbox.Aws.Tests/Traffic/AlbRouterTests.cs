namespace RolloutWorkflows.Sandbox.Aws.Tests.Traffic;

using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;
using RolloutWorkflows.Sandbox.Aws.Tests.Lbc;
using RolloutWorkflows.Sandbox.Aws.Traffic;

public sealed class AlbRouterTests
{
    private readonly Elbv2Store store = new();
    private readonly V1Service[] services = [GuideObjects.Service("root-service", "s1"), GuideObjects.Service("stable-service", "s1"), GuideObjects.Service("canary-service", "c1")];

    [Fact]
    public void Route_TenNinetyWeights_RevisionsSplitByWeight()
    {
        Deploy(GuideObjects.Action(10, 90));
        var snapshot = new TrafficSnapshot([Pod("10.0.0.1", "c1"), Pod("10.0.1.1", "s1"), Pod("10.0.1.2", "s1")], services);
        var router = new AlbRouter(store, new Random(7));

        var outcomes = Enumerable.Range(0, 1000).Select(_ => router.Route(null, "", "/", snapshot)).ToList();

        Assert.All(outcomes, o => Assert.Equal(200, o.Status));
        Assert.InRange(outcomes.Count(o => o.Revision == "c1"), 70, 130);
        Assert.InRange(outcomes.Count(o => o.Revision == "s1"), 870, 930);
    }

    [Fact]
    public void Route_CanaryPodGoneButStillRegistered_BadGatewayOnCanaryShare()
    {
        Deploy(GuideObjects.Action(50, 50));
        var snapshot = new TrafficSnapshot([Pod("10.0.1.1", "s1")], services);
        var router = new AlbRouter(store, new Random(7));

        var outcomes = Enumerable.Range(0, 200).Select(_ => router.Route(null, "", "/", snapshot)).ToList();

        Assert.Contains(outcomes, o => o is { Status: 502, Reason: "target-not-ready-pod" });
        Assert.Contains(outcomes, o => o.Status == 200);
    }

    [Fact]
    public void Route_WeightOnGroupWithoutTargets_ServiceUnavailable()
    {
        Deploy(GuideObjects.Action(100, 0), canaryIps: []);
        var router = new AlbRouter(store, new Random(7));

        var outcome = router.Route(null, "", "/", new TrafficSnapshot([Pod("10.0.1.1", "s1")], services));

        Assert.Equal(new RequestOutcome(503, null, "no-registered-targets"), outcome);
    }

    [Fact]
    public void Route_ZeroWeightGroupWithoutTargets_NeverChosen()
    {
        Deploy(GuideObjects.Action(0, 100), canaryIps: []);
        var router = new AlbRouter(store, new Random(7));
        var snapshot = new TrafficSnapshot([Pod("10.0.1.1", "s1"), Pod("10.0.1.2", "s1")], services);

        Assert.All(Enumerable.Range(0, 200).Select(_ => router.Route(null, "", "/", snapshot)), o => Assert.Equal(200, o.Status));
    }

    [Fact]
    public void Route_MissingActionAnnotation_Fixed503()
    {
        Deploy(null);
        var router = new AlbRouter(store, new Random(7));

        var outcome = router.Route(null, "", "/", new TrafficSnapshot([], services));

        Assert.Equal(new RequestOutcome(503, null, "fixed-response"), outcome);
    }

    [Fact]
    public void Route_PodNotReady_BadGateway()
    {
        Deploy(GuideObjects.Action(0, 100));
        var router = new AlbRouter(store, new Random(7));

        var outcome = router.Route(null, "", "/", new TrafficSnapshot([Pod("10.0.1.1", "s1", ready: false), Pod("10.0.1.2", "s1", ready: false)], services));

        Assert.Equal(502, outcome.Status);
    }

    [Fact]
    public void Route_SameSeedSameState_SameOutcomes()
    {
        Deploy(GuideObjects.Action(30, 70));
        var snapshot = new TrafficSnapshot([Pod("10.0.0.1", "c1"), Pod("10.0.1.1", "s1")], services);

        var first = new AlbRouter(store, new Random(3));
        var a = Enumerable.Range(0, 100).Select(_ => first.Route(null, "", "/", snapshot).Revision).ToList();
        var second = new AlbRouter(store, new Random(3));
        var b = Enumerable.Range(0, 100).Select(_ => second.Route(null, "", "/", snapshot).Revision).ToList();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Route_ServiceSwitchedBeforeLbcCaughtUp_OldLivePodsStillServeAsStaleTargets()
    {
        Deploy(GuideObjects.Action(0, 100));
        V1Service[] switched = [GuideObjects.Service("root-service", "c1"), GuideObjects.Service("stable-service", "c1"), GuideObjects.Service("canary-service", "c1")];
        var snapshot = new TrafficSnapshot([Pod("10.0.1.1", "s1"), Pod("10.0.1.2", "s1")], switched);
        var router = new AlbRouter(store, new Random(5));

        var outcomes = Enumerable.Range(0, 100).Select(_ => router.Route(null, "", "/", snapshot)).ToList();

        Assert.All(outcomes, o => Assert.Equal((200, "s1", "stale-target"), (o.Status, o.Revision, o.Reason)));
    }

    [Fact]
    public void Route_UnknownDnsName_NoLoadBalancer503()
    {
        Deploy(GuideObjects.Action(0, 100));

        var outcome = new AlbRouter(store, new Random(1)).Route("nope.elb.amazonaws.com", "", "/", TrafficSnapshot.Empty);

        Assert.Equal("no-load-balancer", outcome.Reason);
    }

    internal static V1Pod Pod(string ip, string hash, bool ready = true) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-" + hash + "-" + ip.Replace('.', '-'), NamespaceProperty = GuideObjects.Namespace, Labels = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = hash } },
        Status = new V1PodStatus { Phase = "Running", PodIP = ip, Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    private void Deploy(string? action, string[]? canaryIps = null)
    {
        var slices = new[]
        {
            GuideObjects.Slice("canary-service", [.. (canaryIps ?? ["10.0.0.1"]).Select(ip => (ip, true))]),
            GuideObjects.Slice("stable-service", ("10.0.1.1", true), ("10.0.1.2", true)),
        };
        var options = new LbcSimulatorOptions();
        var desired = AlbModelBuilder.Build(new LbcSnapshot([GuideObjects.Ingress(action)], services, slices), options, store.Arns);
        AlbStoreApplier.Apply(store, desired, options.ClusterName, TimeSpan.Zero, TimeSpan.Zero);
    }
}
