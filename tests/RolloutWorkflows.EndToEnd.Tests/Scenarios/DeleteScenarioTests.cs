namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Deleting a rollout mid-canary resets what it manages on its Ingresses to 100 % stable and removes its
/// bookkeeping entry, where Argo's cleanup gives up with rootService (and so always with ping-pong) and runs only
/// on an ingress resync (reference e.7). Another rollout on the same Ingress keeps its action and entry.
/// </summary>
public sealed class DeleteScenarioTests
{
    private const string Bookkeeping = "rollouts.argoproj.io/managed-alb-annotations";

    [Fact]
    public async Task Delete_RootServiceCanaryAt20Percent_ActionResetToStableAndEntryRemoved()
    {
        const string actionKey = "alb.ingress.kubernetes.io/actions.shop-root";
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(ScenarioManifests.RootServiceCanary);
        var rollout = EndToEndStack.ReadRollout(ScenarioManifests.RootServiceCanary);
        var first = await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("shop", 1);
        Assert.Equal("""{"shop":["alb.ingress.kubernetes.io/actions.shop-root"]}""", await stack.AnnotationAsync("shop", Bookkeeping));
        await stack.WaitForRegisteredAsync("shop-stable", first.PodTemplateHash);
        await stack.StartTrafficAsync("shop");
        var second = await stack.DeployAsync(rollout.WithImage("shop", "nginx:1.28"));
        await stack.WaitForAsync("shop", s => s.Phase == "Paused" && s.ActualWeight == 20, "20 % verified");
        Assert.Equal(new Dictionary<string, int> { ["shop-canary"] = 20, ["shop-stable"] = 80 }, await stack.ActionWeightsAsync("shop", actionKey));

        var reply = await stack.Handle("shop").ExecuteUpdateAsync(wf => wf.DeleteAsync());
        await stack.Handle("shop").GetResultAsync();
        var status = await stack.StatusAsync("shop");
        await stack.WaitForAlbAsync(alb => alb.WeightOf("shop-canary") == 0 && alb.WeightOf("shop-stable") == 100, "the reset to reach the ALB");
        var traffic = await stack.StopTrafficAsync();

        Assert.Equal("deleting: ALB actions go back to stable", reply);
        Assert.Contains(status.Events, e => e.Text == "deleted: ALB actions reset to stable");
        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"shop-stable","ServicePort":"80","Weight":100}]}}""",
            await stack.AnnotationAsync("shop", actionKey));
        Assert.Null(await stack.AnnotationAsync("shop", Bookkeeping));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("shop-stable"));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("shop-canary"));
        Assert.Equal(3, await stack.ReplicasAsync($"shop-{first.PodTemplateHash}"));
        TrafficAssert.NoFailedRequests(traffic);
    }

    [Fact]
    public async Task Delete_PingPongOnASharedIngress_ResetsToTheStableSideAndLeavesTheOtherRolloutAlone()
    {
        const string cartKey = "alb.ingress.kubernetes.io/actions.cart-root";
        const string searchKey = "alb.ingress.kubernetes.io/actions.search-stable";
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(ScenarioManifests.SharedIngress);
        var search = EndToEndStack.ReadRollout(ScenarioManifests.SearchOnSharedIngress);
        var cart = EndToEndStack.ReadRollout(ScenarioManifests.SharedIngress);
        await stack.DeployAsync(search);
        await stack.WaitForHealthyAsync("search", 1);
        var first = await stack.DeployAsync(cart);
        await stack.WaitForHealthyAsync("cart", 1);
        await stack.WaitForRegisteredAsync("cart-ping", first.PodTemplateHash);
        await stack.StartTrafficAsync("shared", "/cart", "default");

        // Revision 2 is promoted (pong becomes stable); revision 3 is then at 20 % on ping.
        var second = await stack.DeployAsync(cart.WithImage("cart", "nginx:1.28"));
        await stack.WaitForAsync("cart", s => s.Revision == 2 && s.Phase == "Paused", "revision 2 at its pause");
        await stack.Handle("cart").ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
        await stack.WaitForHealthyAsync("cart", 2);
        var third = await stack.DeployAsync(cart.WithImage("cart", "nginx:1.29"));
        var atTwenty = await stack.WaitForAsync("cart", s => s.Revision == 3 && s.Phase == "Paused" && s.ActualWeight == 20, "revision 3 at 20 %, verified");
        Assert.Equal("pong", atTwenty.StablePingPong);
        Assert.Equal(new Dictionary<string, int> { ["cart-ping"] = 20, ["cart-pong"] = 80 }, await stack.ActionWeightsAsync("shared", cartKey));
        Assert.Equal(
            """{"cart":["alb.ingress.kubernetes.io/actions.cart-root"],"search":["alb.ingress.kubernetes.io/actions.search-stable"]}""",
            await stack.AnnotationAsync("shared", Bookkeeping));
        var searchAction = await stack.AnnotationAsync("shared", searchKey);
        await using var recorder = await stack.RecordAsync();

        await stack.Handle("cart").ExecuteUpdateAsync(wf => wf.DeleteAsync());
        await stack.Handle("cart").GetResultAsync();
        var deleted = await stack.StatusAsync("cart");
        await stack.WaitForAlbAsync(alb => alb.WeightOf("cart-ping") == 0 && alb.WeightOf("cart-pong") == 100, "the reset to reach the ALB");
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Contains(deleted.Events, e => e.Text == "deleted: ALB actions reset to stable");
        Assert.Equal(("pong", 2L), (deleted.StablePingPong, deleted.StableRevision));

        // Back to the stable side (pong), not to the root Service and not to the side that was the canary.
        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"cart-pong","ServicePort":"80","Weight":100}]}}""",
            await stack.AnnotationAsync("shared", cartKey));
        Assert.Equal("""{"search":["alb.ingress.kubernetes.io/actions.search-stable"]}""", await stack.AnnotationAsync("shared", Bookkeeping));
        Assert.Equal(searchAction, await stack.AnnotationAsync("shared", searchKey));
        Assert.Single(recorder.AnnotationChanges("shared", searchKey));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("cart-pong"));
        Assert.Equal(third.PodTemplateHash, await stack.SelectedHashAsync("cart-ping"));
        Assert.Equal(("Healthy", 1L), ((await stack.StatusAsync("search")).Phase, (await stack.StatusAsync("search")).Revision));
        Assert.Equal(100, stack.Alb.WeightOf("search-stable"));
        TrafficAssert.NoFailedRequests(traffic);
        Assert.True(traffic.ByRevision.GetValueOrDefault(second.PodTemplateHash) > 0, "the stable side served /cart");
    }
}
