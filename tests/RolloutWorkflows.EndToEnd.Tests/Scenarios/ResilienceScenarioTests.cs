namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>
/// What the Temporal design is for: the LBC down while weights must be verified, and the worker gone in the
/// middle of a rollout. Nothing completes unverified, nothing is lost, no request fails.
/// </summary>
public sealed class ResilienceScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task LbcOutage_DuringFirstStep_StepWaitsUnverifiedThenCompletesWhenTheLbcReturns()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var rollout = EndToEndStack.ReadRollout(Examples.Canary);
        await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web", 1);
        await stack.StartTrafficAsync("web");

        stack.Sandbox.Lbc.Stop();
        await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var rulesBefore = stack.Sandbox.Elbv2.Counters.Calls("DescribeRules");
        var waiting = await stack.WaitForAsync(
            "web",
            s => s.SetWeight == 20 && stack.Sandbox.Elbv2.Counters.Calls("DescribeRules") >= rulesBefore + 3,
            "weight 20 set and verification polled three times during the outage");

        Assert.Null(waiting.ActualWeight);
        Assert.Equal(0, waiting.Step);
        Assert.Contains("\"Weight\":20", await stack.AnnotationAsync("web", ActionKey), StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.Events, e => e.Text == "weight 20% verified");

        stack.Sandbox.Lbc.Start();
        var status = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();

        Assert.Contains(status.Events, e => e.Text == "weight 20% verified");
        Assert.Equal(0, traffic.Failures);
    }

    [Fact]
    public async Task WorkerStopped_MidVerification_NewWorkerFinishesTheRolloutWithoutFailedRequests()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var rollout = EndToEndStack.ReadRollout(Examples.Canary);
        var first = await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web", 1);
        await stack.StartTrafficAsync("web");

        // Hold the rollout inside an activity (verification cannot pass while the LBC is down), then stop the worker.
        stack.Sandbox.Lbc.Stop();
        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        await stack.WaitForAsync("web", s => s.SetWeight == 20 && s.Message.Contains("verify weight 20%", StringComparison.Ordinal), "verifying weight 20");
        await stack.StopWorkerAsync();
        stack.Sandbox.Lbc.Start();

        await stack.StartWorkerAsync();
        var status = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();

        Assert.Equal($"web-{second.PodTemplateHash}", status.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal(4, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));
        Assert.Equal(0, await stack.ReplicasAsync($"web-{first.PodTemplateHash}"));
        Assert.Equal(0, traffic.Failures);
    }
}
