namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Blue-green behind an ALB, which Argo now documents as unsupported without downtime (argo issue 4834): here
/// the active Service moves only to an available preview, and the old pods go only after the active target
/// group has every new pod registered.
/// </summary>
public sealed class BlueGreenScenarioTests
{
    [Fact]
    public async Task BlueGreen_ManualPromotion_WaitsForPromoteThenSwitchesActiveAndScalesDownAfterRegistration()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.BlueGreen);
        var rollout = EndToEndStack.ReadRollout(Examples.BlueGreen);
        var first = await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web-bg", 1);

        // Healthy means served: the active target group already has every pod of revision 1.
        Assert.Subset(stack.Alb.RegisteredIn("web-active").ToHashSet(), (await stack.PodIpsAsync(first.PodTemplateHash)).ToHashSet());
        await stack.StartTrafficAsync("web-bg");
        await using var recorder = await stack.RecordAsync();

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var paused = await stack.WaitForAsync("web-bg", s => s.Phase == "Paused", "the wait for Promote");

        Assert.Equal(("blueGreen", "BlueGreenPause", 2L), (paused.Strategy, paused.Message, paused.Revision));
        Assert.Equal($"web-bg-{second.PodTemplateHash}", paused.CanaryReplicaSet);
        Assert.Equal($"web-bg-{first.PodTemplateHash}", paused.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-preview"));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("web-active"));
        Assert.Equal((3, 3), (await stack.ReplicasAsync($"web-bg-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-bg-{first.PodTemplateHash}")));
        Assert.Subset(stack.Alb.RegisteredIn("web-active").ToHashSet(), (await stack.PodIpsAsync(first.PodTemplateHash)).ToHashSet());

        Assert.Equal("promoted", await stack.Handle("web-bg").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest())));
        var healthy = await stack.WaitForHealthyAsync("web-bg", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        await AssertPromotedSafelyAsync(stack, recorder, first, second, healthy);
        TrafficAssert.NoFailedRequests(traffic);
        Assert.True(traffic.ByRevision.GetValueOrDefault(second.PodTemplateHash) > 0, "revision 2 served traffic");
    }

    [Fact]
    public async Task BlueGreen_AutoPromotion_PromotesAfterTheDelayWithoutAnOperator()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.BlueGreen);
        var rollout = EndToEndStack.ReadRollout(ScenarioManifests.AutoPromotingBlueGreen);
        var first = await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web-bg", 1);

        // Healthy means served: the active target group already has every pod of revision 1.
        Assert.Subset(stack.Alb.RegisteredIn("web-active").ToHashSet(), (await stack.PodIpsAsync(first.PodTemplateHash)).ToHashSet());
        await stack.StartTrafficAsync("web-bg");
        await using var recorder = await stack.RecordAsync();

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var healthy = await stack.WaitForHealthyAsync("web-bg", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        // The promotion came from the autoPromotionSeconds timer (time skipping passes it at once), not from an update.
        Assert.Contains(healthy.Events, e => e.Text == "pause 20s");
        Assert.DoesNotContain(healthy.Events, e => e.Text == "promoted");
        await AssertPromotedSafelyAsync(stack, recorder, first, second, healthy);
        TrafficAssert.NoFailedRequests(traffic);
        Assert.True(traffic.ByRevision.GetValueOrDefault(second.PodTemplateHash) > 0, "revision 2 served traffic");
    }

    /// <summary>
    /// The end state (active and preview on the new revision, old scaled to 0), and the order that makes it safe:
    /// preview before active, active only to an available ReplicaSet, old pods gone only after every new pod was
    /// registered in the active target group.
    /// </summary>
    private static async Task AssertPromotedSafelyAsync(
        EndToEndStack stack, ClusterRecorder recorder, RolloutRevision first, RolloutRevision second, RolloutStatus healthy)
    {
        var newSet = $"web-bg-{second.PodTemplateHash}";
        Assert.Equal(newSet, healthy.StableReplicaSet);
        Assert.Null(healthy.CanaryReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-active"));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-preview"));
        Assert.Equal((3, 0), (await stack.ReplicasAsync(newSet), await stack.ReplicasAsync($"web-bg-{first.PodTemplateHash}")));

        var preview = recorder.SelectorChanges("web-preview")[^1];
        var active = recorder.SelectorChanges("web-active")[^1];
        Assert.Equal((second.PodTemplateHash, second.PodTemplateHash), (preview.To, active.To));
        Assert.True(preview.ResourceVersion < active.ResourceVersion, "the preview Service moved before the active one");
        var atSwitch = recorder.ReplicaSetAt(newSet, active.ResourceVersion);
        Assert.Equal(3, atSwitch?.Status?.AvailableReplicas);

        var newPods = await stack.PodIpsAsync(second.PodTemplateHash);
        var oldDown = recorder.ScaleChanges($"web-bg-{first.PodTemplateHash}")[^1];
        Assert.Equal(3, newPods.Count);
        Assert.Equal(0, oldDown.To);
        Assert.True(oldDown.ResourceVersion > active.ResourceVersion, "the old ReplicaSet was scaled down after the switch");
        Assert.Subset(oldDown.Alb.RegisteredIn("web-active").ToHashSet(), newPods.ToHashSet());
    }
}
