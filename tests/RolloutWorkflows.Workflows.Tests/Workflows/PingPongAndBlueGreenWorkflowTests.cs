namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Tests.Planning;

[Collection(WorkflowCollection.Name)]
public class PingPongAndBlueGreenWorkflowTests
{
    private readonly WorkflowFixture fixture;

    public PingPongAndBlueGreenWorkflowTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public async Task PingPong_TwoRevisions_HatsSwapWithoutLiveSelectorChanges()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "pingpong");
        IReadOnlyList<CanaryStep> steps = [CanaryStep.SetWeightTo(20)];
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name, pingPong: true, steps: steps));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name, pingPong: true, steps: steps));
            var second = await rollout.WaitForHealthyAsync(2);
            Assert.Equal("pong", second.StablePingPong);
            await rollout.DeployAsync(Specs.Canary(hash: "v3", name: rollout.Name, pingPong: true, steps: steps));
            var third = await rollout.WaitForHealthyAsync(3);

            Assert.Equal("ping", third.StablePingPong);
            Assert.Equal(
            [
                "SetAlbWeights ingress pong-service=0 ping-service=100",
                "SetAlbWeights ingress pong-service=20 ping-service=80",
                "SetAlbWeights ingress pong-service=100 ping-service=0",
                "SetAlbWeights ingress ping-service=0 pong-service=100",
                "SetAlbWeights ingress ping-service=20 pong-service=80",
                "SetAlbWeights ingress ping-service=100 pong-service=0",
                "SetAlbWeights ingress pong-service=0 ping-service=100",
            ],
            cluster.CallsOf("SetAlbWeights"));

            // After the first deploy, each Service's selector changes only while it is the canary (weight 0).
            Assert.Equal(
            [
                "SwitchServiceSelector ping-service v1",
                "SwitchServiceSelector pong-service v1",
                "SwitchServiceSelector pong-service v2",
                "SwitchServiceSelector ping-service v3",
            ],
            cluster.CallsOf("SwitchServiceSelector"));
            Assert.Empty(cluster.Violations);
            await rollout.ReplayAllRunsAsync("ping-pong");
        });
    }

    [Fact]
    public async Task Delete_PingPongAfterSwap_ResetsToTheStableSideAndEnds()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "delete");
        IReadOnlyList<CanaryStep> steps = [CanaryStep.SetWeightTo(20)];
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name, pingPong: true, steps: steps, ingresses: ["a", "b"]));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name, pingPong: true, steps: steps, ingresses: ["a", "b"]));
            await rollout.WaitForHealthyAsync(2);

            await rollout.Handle.ExecuteUpdateAsync(wf => wf.DeleteAsync());
            await rollout.Handle.GetResultAsync();

            Assert.Equal(["ResetAlbAnnotations a pong-service=100", "ResetAlbAnnotations b pong-service=100"], cluster.CallsOf("ResetAlb").Order());
            await rollout.ReplayAllRunsAsync("delete");
        });
    }

    [Fact]
    public async Task BlueGreen_ManualPromotion_ActiveSwitchedAndVerifiedBeforeScaleDown()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "bluegreen");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.BlueGreen(hash: "v1", name: rollout.Name, autoPromotion: false));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.BlueGreen(hash: "v2", name: rollout.Name, autoPromotion: false));
            var paused = await rollout.WaitForAsync(s => s.Phase == "Paused", "the promotion wait");
            Assert.Equal("BlueGreenPause", paused.Message);
            Assert.Equal("v2", cluster.Selectors["preview-service"]);
            Assert.Equal("v1", cluster.Selectors["active-service"]);

            await rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
            await rollout.WaitForHealthyAsync(2);

            Assert.Equal("v2", cluster.Selectors["active-service"]);
            Assert.Equal(0, cluster.ReplicaSets[$"{rollout.Name}-v1"]);
            var calls = cluster.Calls.ToList();
            Assert.True(
                calls.IndexOf("VerifyTargetRegistration active-service v2") < calls.IndexOf($"ScaleReplicaSet {rollout.Name}-v1 0"),
                string.Join('\n', calls));

            // The first revision was Healthy only once the active target group had its pods registered.
            Assert.True(
                calls.IndexOf("SwitchServiceSelector active-service v1") < calls.IndexOf("VerifyTargetRegistration active-service v1")
                && calls.IndexOf("VerifyTargetRegistration active-service v1") < calls.IndexOf("SwitchServiceSelector preview-service v1"),
                string.Join('\n', calls));
            await rollout.ReplayAllRunsAsync("blue-green");
        });
    }

    [Fact]
    public async Task BlueGreen_AutoPromotionAfterDelay_PromotesWithoutOperator()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "bgauto");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.BlueGreen(hash: "v1", name: rollout.Name, autoPromotionSeconds: 600));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.BlueGreen(hash: "v2", name: rollout.Name, autoPromotionSeconds: 600));
            await rollout.WaitForHealthyAsync(2);

            Assert.Equal("v2", cluster.Selectors["active-service"]);
            Assert.Equal(0, cluster.ReplicaSets[$"{rollout.Name}-v1"]);
        });
    }
}
