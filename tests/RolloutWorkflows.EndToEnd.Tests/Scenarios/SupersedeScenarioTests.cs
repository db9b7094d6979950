namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// A new revision while another is mid-canary: traffic goes back to stable (verified) before the superseded
/// canary loses its pods, then the new revision rolls out from step 0 (argo issue 3617: an intermediate
/// ReplicaSet scaled down while it still had ALB weight).
/// </summary>
public sealed class SupersedeScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task Deploy_WhileRevisionTwoIsMidCanary_TrafficBackToStableBeforeItScalesDownThenRevisionThreeRollsOut()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(ScenarioManifests.PausingCanary);
        await using var recorder = await stack.RecordAsync();
        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused" && s.ActualWeight == 20, "revision 2 at 20 %, verified");

        var third = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.29"));
        var restarted = await stack.WaitForAsync("web", s => s.Revision == 3 && s.Phase == "Paused" && s.Step == 1, "revision 3 at its first pause");

        Assert.Contains(restarted.Events, e => e.Text == $"revision 3 ({third.PodTemplateHash}) supersedes revision 2");
        Assert.Contains(restarted.Events, e => e.Text == "revision 2 superseded");
        Assert.Equal((1L, 20, 20), (restarted.StableRevision, restarted.SetWeight, restarted.ActualWeight));
        Assert.Equal($"web-{third.PodTemplateHash}", restarted.CanaryReplicaSet);
        Assert.Equal($"web-{first.PodTemplateHash}", restarted.StableReplicaSet);
        Assert.Equal(0, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));
        Assert.Equal(third.PodTemplateHash, await stack.SelectedHashAsync("web-canary"));

        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        await stack.WaitForAsync("web", s => s.Revision == 3 && s.Phase == "Paused" && s.Step == 3, "revision 3 at its second pause");
        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        var healthy = await stack.WaitForHealthyAsync("web", 3);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Equal($"web-{third.PodTemplateHash}", healthy.StableReplicaSet);
        Assert.Equal(third.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal(
            (4, 0, 0),
            (await stack.ReplicasAsync($"web-{third.PodTemplateHash}"), await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));

        // Revision 2's 20 % went back to 0 before revision 3 started at 20 %.
        Assert.Equal([0, 20, 0, 20, 50, 100, 0], recorder.AnnotationChanges("web", ActionKey).Select(c => AlbActionWeights.WeightOf(c.To, "web-canary")));

        // Revision 2 lost its pods while the canary Service still selected it, but only with no weight in the action
        // or on the load balancer, and before anything of revision 3 existed.
        var secondDown = recorder.ScaleChanges($"web-{second.PodTemplateHash}")[^1];
        Assert.Equal(0, secondDown.To);
        Assert.Equal(second.PodTemplateHash, recorder.SelectorChanges("web-canary").Last(c => c.ResourceVersion < secondDown.ResourceVersion).To);
        Assert.Equal(0, AlbActionWeights.WeightOf(recorder.AnnotationAt("web", ActionKey, secondDown.ResourceVersion), "web-canary"));
        Assert.Equal((0, 100), (secondDown.Alb.WeightOf("web-canary"), secondDown.Alb.WeightOf("web-stable")));
        Assert.True(secondDown.ResourceVersion < recorder.ScaleChanges($"web-{third.PodTemplateHash}")[0].ResourceVersion, "revision 3 was created after revision 2 was scaled down");
        TrafficAssert.NoFailedRequests(traffic);
    }
}
