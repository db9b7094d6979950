namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Tests.Planning;
using Temporalio.Exceptions;

[Collection(WorkflowCollection.Name)]
public class CanaryWorkflowTests
{
    private readonly WorkflowFixture fixture;

    public CanaryWorkflowTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
    }

    private static IReadOnlyList<CanaryStep> TimedSteps => [CanaryStep.SetWeightTo(20), CanaryStep.PauseFor(300), CanaryStep.SetWeightTo(60)];

    [Fact]
    public async Task Deploy_TwoRevisions_SecondIsPromotedThroughVerifiedWeights()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "happy");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name, steps: TimedSteps));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name, steps: TimedSteps));
            var status = await rollout.WaitForHealthyAsync(2);

            Assert.Equal(
            [
                "SetAlbWeights ingress canary-service=0 stable-service=100",
                "SetAlbWeights ingress canary-service=20 stable-service=80",
                "SetAlbWeights ingress canary-service=60 stable-service=40",
                "SetAlbWeights ingress canary-service=100 stable-service=0",
                "SetAlbWeights ingress canary-service=0 stable-service=100",
            ],
            cluster.CallsOf("SetAlbWeights"));
            Assert.Equal("v2", cluster.Selectors["stable-service"]);
            Assert.Equal(0, cluster.ReplicaSets[$"{rollout.Name}-v1"]);
            Assert.Equal(4, cluster.ReplicaSets[$"{rollout.Name}-v2"]);
            Assert.Empty(cluster.Violations);
            Assert.Equal($"{rollout.Name}-v2", status.StableReplicaSet);
            Assert.Equal(3, status.Step);
            Assert.Equal(0, status.ActualWeight);
            await rollout.ReplayAllRunsAsync("canary");
        });
    }

    [Fact]
    public async Task Promote_AtIndefinitePause_ContinuesToHealthy()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "manual");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            var paused = await rollout.WaitForAsync(s => s.Phase == "Paused", "the pause step");
            Assert.Equal("CanaryPauseStep", paused.Message);
            Assert.Equal(20, paused.SetWeight);
            Assert.Equal(20, paused.ActualWeight);

            var reply = await rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));

            Assert.Equal("promoted", reply);
            await rollout.WaitForHealthyAsync(2);
            Assert.Empty(cluster.Violations);
        });
    }

    [Fact]
    public async Task Abort_ThenRetry_TrafficBackToStableThenRestartsAtStepZero()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "abort");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Phase == "Paused", "the pause step");

            await rollout.Handle.ExecuteUpdateAsync(wf => wf.AbortAsync(new AbortRequest("error rate")));
            var aborted = await rollout.WaitForAsync(s => s.Aborted && s.ActualWeight == 0 && cluster.ReplicaSets[$"{rollout.Name}-v2"] == 0, "abort done");

            Assert.Equal("Degraded", aborted.Phase);
            Assert.Equal("RolloutAborted: Rollout aborted update to revision 2: error rate", aborted.Message);
            Assert.Equal(("canary-service", 0, "stable-service"), cluster.Actions["ingress"]);
            Assert.Equal("v1", cluster.Selectors["stable-service"]);

            await rollout.Handle.ExecuteUpdateAsync(wf => wf.RetryAsync());
            await rollout.WaitForAsync(s => s.Phase == "Paused" && s.Step == 1, "the pause step again");
            await rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest(Full: true)));
            await rollout.WaitForHealthyAsync(2);
            Assert.Empty(cluster.Violations);
            await rollout.ReplayAllRunsAsync("abort-retry");
        });
    }

    [Fact]
    public async Task Updates_InvalidTransitions_RejectedWithReasons()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "reject");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);

            var promote = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(
                () => rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest())));
            var retry = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => rollout.Handle.ExecuteUpdateAsync(wf => wf.RetryAsync()));

            Assert.Equal("nothing to promote: the rollout is Healthy at revision 1", promote.InnerException?.Message);
            Assert.StartsWith("nothing to retry", retry.InnerException?.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Deploy_InvalidRevision_RejectedBeforeAnythingIsWritten()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "badspec");
        await rollout.RunAsync(async () =>
        {
            var bad = Specs.Canary(hash: "v1", name: rollout.Name);
            bad = bad with { Spec = bad.Spec with { Canary = bad.Spec.Canary! with { Alb = bad.Spec.Canary.Alb! with { ServicePort = 0 } } } };

            await rollout.DeployAsync(bad);
            var status = await rollout.WaitForAsync(s => s.Events.Count > 0, "the rejection event");

            Assert.Contains("servicePort: must be greater than 0", status.Events[0].Text, StringComparison.Ordinal);
            Assert.Empty(cluster.Calls);
            Assert.Equal(0, status.Revision);
        });
    }

    [Fact]
    public async Task Deploy_RevisionNamingAMissingObject_RefusedBeforeAnyWriteThenRetriedOnceItExists()
    {
        var cluster = new FakeCluster();
        cluster.MissingReferences["canary-service"] = true;
        var rollout = new RolloutHarness(fixture.Client, [cluster], "missing");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            var failed = await rollout.WaitForAsync(s => s.Phase == "Degraded", "the refusal");

            Assert.Equal(
                "check the Services and Ingresses the revision names failed: spec.strategy.canary.canaryService: Service default/canary-service not found: create it or fix the name in the Rollout",
                failed.Message);
            Assert.Equal(["CheckReferences canary-service,stable-service,ingress"], cluster.Calls);

            cluster.MissingReferences.Clear();
            await rollout.Handle.ExecuteUpdateAsync(wf => wf.RetryAsync());
            await rollout.WaitForHealthyAsync(1);

            Assert.Equal(2, cluster.CallsOf("CheckReferences").Count());
            Assert.Equal("EnsureReplicaSet missing-v1 4", cluster.Calls.ElementAt(2));
            await rollout.ReplayAllRunsAsync("check-references");
        });
    }

    [Fact]
    public async Task Deploy_CorrectionsOfARefusedFirstRevision_TakenInsteadOfIgnoredOrQueued()
    {
        var cluster = new FakeCluster();
        cluster.MissingReferences["canary-service"] = true;
        var rollout = new RolloutHarness(fixture.Client, [cluster], "correct");
        await rollout.RunAsync(async () =>
        {
            // Same pods, corrected Service name: the refused update runs again with the corrected spec.
            var typo = Specs.Canary(hash: "v1", name: rollout.Name);
            await rollout.DeployAsync(typo);
            await rollout.WaitForAsync(s => s.Phase == "Degraded", "the refusal");
            var corrected = typo with { Spec = typo.Spec with { Canary = typo.Spec.Canary! with { CanaryService = "canary-fixed" } } };
            await rollout.DeployAsync(corrected);
            var healthy = await rollout.WaitForHealthyAsync(1);

            Assert.Contains(healthy.Events, e => e.Text == "revision 1 corrected (v1, same pod template): update restarted from step 0");
            Assert.Equal("CheckReferences canary-fixed,stable-service,ingress", cluster.CallsOf("CheckReferences").Last());
            await rollout.ReplayAllRunsAsync("accept-correction");
        });
    }

    [Fact]
    public async Task Deploy_ActivityFailsWithAWrappedCause_StatusShowsTheActivitysReasonNotTheCause()
    {
        var cluster = new FakeCluster();
        cluster.MissingServices["canary-service"] = true;
        var rollout = new RolloutHarness(fixture.Client, [cluster], "reason");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));

            var failed = await rollout.WaitForAsync(s => s.Phase == "Degraded", "the failure");

            Assert.Equal(
                "point Service canary-service at v1 failed: Service default/canary-service not found: create it or fix the name in the Rollout",
                failed.Message);
        });
    }

    [Fact]
    public async Task Deploy_WhileTheFirstRevisionHasFailed_ReplacesItAndScalesItDownOnceTheNewOneIsStable()
    {
        var cluster = new FakeCluster();
        cluster.MissingServices["canary-service"] = true;
        var rollout = new RolloutHarness(fixture.Client, [cluster], "replace");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Phase == "Degraded", "the first revision failing after it created its ReplicaSet");
            Assert.Equal(4, cluster.ReplicaSets[$"{rollout.Name}-v1"]);

            cluster.MissingServices.Clear();
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            var healthy = await rollout.WaitForHealthyAsync(2);

            Assert.Contains(healthy.Events, e => e.Text.StartsWith("revision 2 (v2) replaces revision 1, which never became stable", StringComparison.Ordinal));
            Assert.Equal((0, 4), (cluster.ReplicaSets[$"{rollout.Name}-v1"], cluster.ReplicaSets[$"{rollout.Name}-v2"]));
            Assert.Equal("v2", cluster.Selectors["stable-service"]);
            Assert.Equal($"ScaleReplicaSet {rollout.Name}-v1 0", cluster.Calls.Last());
            Assert.Empty(cluster.Violations);
            await rollout.ReplayAllRunsAsync("replace-first");
        });
    }

    [Fact]
    public async Task Deploy_SecondRevisionWhileTheFirstIsInProgress_ReplacesItAndLeavesNoFirstPodsRunning()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "inprogress");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Revision == 1, "revision 1 under way");
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            var healthy = await rollout.WaitForHealthyAsync(2);

            Assert.Equal($"{rollout.Name}-v2", healthy.StableReplicaSet);
            Assert.Equal(0, cluster.ReplicaSets.GetValueOrDefault($"{rollout.Name}-v1"));
            Assert.Equal(4, cluster.ReplicaSets[$"{rollout.Name}-v2"]);
            Assert.Equal("v2", cluster.Selectors["stable-service"]);
            Assert.Empty(cluster.Violations);
        });
    }

    [Fact]
    public async Task Deploy_DuringUpdate_SupersedesSafely()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "supersede");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Phase == "Paused", "v2 at its pause step");

            await rollout.DeployAsync(Specs.Canary(hash: "v3", name: rollout.Name, steps: [CanaryStep.SetWeightTo(50)]));
            await rollout.WaitForHealthyAsync(3);

            Assert.Equal(0, cluster.ReplicaSets[$"{rollout.Name}-v2"]);
            Assert.Equal("v3", cluster.Selectors["stable-service"]);
            Assert.Empty(cluster.Violations);
            await rollout.ReplayAllRunsAsync("supersede");
        });
    }

    [Fact]
    public async Task Verification_LaggingController_StepWaitsUntilVerified()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "lag");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            cluster.WeightLag = 3;
            var attemptsBefore = cluster.VerifyAttempts;

            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Phase == "Paused" && s.ActualWeight == 20, "the pause step, verified");

            Assert.Equal(4, cluster.VerifyAttempts - attemptsBefore);
            Assert.Equal(["VerifyAlbWeights ingress 0", "VerifyAlbWeights ingress 20"], cluster.CallsOf("VerifyAlbWeights"));
        });
    }

    [Fact]
    public async Task Verification_DeadlineExceeded_PausesWithTheReason()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "deadline");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            cluster.WeightLag = int.MaxValue;
            var revision = Specs.Canary(hash: "v2", name: rollout.Name);

            await rollout.DeployAsync(revision with { Settings = revision.Settings with { VerificationDeadlineSeconds = 5 } });
            var status = await rollout.WaitForAsync(s => s.Phase == "Paused" && s.Message.Contains("deadline", StringComparison.Ordinal), "the deadline");

            Assert.Contains("canary weight not yet 20", status.Message, StringComparison.Ordinal);
            Assert.Equal(0, status.Step);
            Assert.False(status.Ingresses.Single().Verified);

            cluster.WeightLag = 0;
            await rollout.Handle.ExecuteUpdateAsync(wf => wf.ResumeAsync());
            await rollout.WaitForAsync(s => s.Step == 1 && s.ActualWeight == 20, "verified after resume");
        });
    }
}
