namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// What operators do to a canary in flight, through the real Temporal client's updates: promote at a manual
/// pause, abort then retry, promote full. The Rollout pauses indefinitely at 20 % and at 50 % so each command
/// lands at a known step even though time skipping makes timed pauses pass at once.
/// </summary>
public sealed class ControlScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task Promote_AtIndefinitePauses_EachPromoteMovesOneVerifiedStepThenHealthy()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(ScenarioManifests.PausingCanary);
        await using var recorder = await stack.RecordAsync();

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var atTwenty = await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 1, "the pause after 20 %");

        Assert.Equal("CanaryPauseStep", atTwenty.Message);
        Assert.Equal((2, 1, 4), (atTwenty.Revision, atTwenty.StableRevision, atTwenty.Steps));
        Assert.Equal((20, 20), (atTwenty.SetWeight, atTwenty.ActualWeight));
        Assert.Equal($"web-{second.PodTemplateHash}", atTwenty.CanaryReplicaSet);
        Assert.Equal($"web-{first.PodTemplateHash}", atTwenty.StableReplicaSet);
        Assert.True(atTwenty.Ingresses.Single().Verified, atTwenty.Ingresses.Single().Message);
        Assert.Equal((1, 4), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-canary"));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal(20, (await stack.ActionWeightsAsync("web", ActionKey))["web-canary"]);
        Assert.Equal((20, 80), (stack.Alb.WeightOf("web-canary"), stack.Alb.WeightOf("web-stable")));

        Assert.Equal("promoted", await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest())));
        var atFifty = await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 3, "the pause after 50 %");

        Assert.Equal((50, 50), (atFifty.SetWeight, atFifty.ActualWeight));
        Assert.Equal(2, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));
        Assert.Equal(50, (await stack.ActionWeightsAsync("web", ActionKey))["web-canary"]);

        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        var healthy = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Equal((0, 0, 4), (healthy.SetWeight, healthy.ActualWeight, healthy.Step));
        Assert.Equal($"web-{second.PodTemplateHash}", healthy.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));
        Assert.Equal([0, 20, 50, 100, 0], CanaryWeights(recorder));
        TrafficAssert.NoFailedRequests(traffic);
    }

    [Fact]
    public async Task Abort_AfterFirstVerifiedStep_TrafficBackToStableCanaryScaledDownThenRetryPromotes()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(ScenarioManifests.PausingCanary);
        await using var recorder = await stack.RecordAsync();
        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 1 && s.ActualWeight == 20, "20 % verified and paused");

        var reply = await stack.Handle("web").ExecuteUpdateAsync(wf => wf.AbortAsync(new AbortRequest("error rate")));
        var aborted = await stack.WaitForAsync(
            "web", s => s.Events.Any(e => e.Text == "abort complete: traffic is on stable"), "the abort to complete");
        await recorder.CaughtUpAsync();

        Assert.Equal("aborting: traffic goes back to stable", reply);
        Assert.Equal("Degraded", aborted.Phase);
        Assert.True(aborted.Aborted);
        Assert.Equal("RolloutAborted: Rollout aborted update to revision 2: error rate", aborted.Message);
        Assert.Equal((0, 0), (aborted.SetWeight, aborted.ActualWeight));
        Assert.Equal((2, 1), (aborted.Revision, aborted.StableRevision));
        Assert.Equal($"web-{first.PodTemplateHash}", aborted.StableReplicaSet);
        Assert.Equal(0, (await stack.ActionWeightsAsync("web", ActionKey))["web-canary"]);
        Assert.Equal((0, 100), (stack.Alb.WeightOf("web-canary"), stack.Alb.WeightOf("web-stable")));
        Assert.Equal((0, 4), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));

        // The canary Service keeps its selector (toggling it churns target groups, argo issue 3758).
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-canary"));

        // The canary lost its pods only once the load balancer no longer sent it anything.
        var scaleDown = recorder.ScaleChanges($"web-{second.PodTemplateHash}")[^1];
        Assert.Equal(0, scaleDown.To);
        Assert.Equal(0, scaleDown.Alb.WeightOf("web-canary"));

        Assert.Equal("retrying from step 0", await stack.Handle("web").ExecuteUpdateAsync(wf => wf.RetryAsync()));
        var retried = await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 1 && !s.Aborted, "the retry to reach the first pause");
        Assert.Equal((2, 20, 20), (retried.Revision, retried.SetWeight, retried.ActualWeight));
        Assert.Equal(1, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));

        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 3, "the pause after 50 %");
        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        var healthy = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Equal($"web-{second.PodTemplateHash}", healthy.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));
        Assert.Equal([0, 20, 0, 20, 50, 100, 0], CanaryWeights(recorder));
        TrafficAssert.NoFailedRequests(traffic);
    }

    [Fact]
    public async Task PromoteFull_AtFirstPause_SkipsRemainingStepsAndVerifiesFullCanaryBeforePromotion()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(ScenarioManifests.PausingCanary);
        await using var recorder = await stack.RecordAsync();
        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        await stack.WaitForAsync("web", s => s.Phase == "Paused" && s.Step == 1, "the pause after 20 %");

        var reply = await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest(Full: true)));
        var healthy = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Equal("full promotion started", reply);
        Assert.Equal((4, 4, 0, 0), (healthy.Step, healthy.Steps, healthy.SetWeight, healthy.ActualWeight));
        Assert.Contains(healthy.Events, e => e.Text == "full promotion requested: skipping the remaining steps");
        Assert.Contains(healthy.Events, e => e.Text == "weight 100% verified");
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));

        // 50 % never happened; the canary went from its 20 % size straight to all replicas.
        Assert.Equal([0, 20, 100, 0], CanaryWeights(recorder));
        Assert.Equal([0, 1, 4], recorder.ScaleChanges($"web-{second.PodTemplateHash}").Select(c => c.To));

        // The stable Service moved to the new pods only while the load balancer sent everything to the canary.
        var stableSwitch = recorder.SelectorChanges("web-stable")[^1];
        Assert.Equal(second.PodTemplateHash, stableSwitch.To);
        Assert.Equal(100, stableSwitch.Alb.WeightOf("web-canary"));
        TrafficAssert.NoFailedRequests(traffic);
    }

    /// <summary>The canary weight of each successive value of the action annotation (the first is the baseline).</summary>
    private static List<int> CanaryWeights(ClusterRecorder recorder) =>
        [.. recorder.AnnotationChanges("web", ActionKey).Select(c => AlbActionWeights.WeightOf(c.To, "web-canary"))];
}
