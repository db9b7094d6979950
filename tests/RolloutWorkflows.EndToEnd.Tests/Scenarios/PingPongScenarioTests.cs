namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>
/// Ping-pong end to end: the two Services swap the stable and canary hats at each promotion, so no Service that
/// carries traffic ever changes its selector (the maintainers' answer to argo issues 2864/4433).
/// </summary>
public sealed class PingPongScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-root";

    [Fact]
    public async Task PingPong_ThreeRevisions_HatsSwapAndNoSelectorChangesOnAServiceWithWeight()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.PingPong);
        var rollout = EndToEndStack.ReadRollout(ScenarioManifests.ShortPingPong);
        var first = await stack.DeployAsync(rollout);
        var one = await stack.WaitForHealthyAsync("web-pp", 1);
        Assert.Equal("ping", one.StablePingPong);
        Assert.Equal(100, (await stack.ActionWeightsAsync("web-pp", ActionKey))["web-ping"]);
        await stack.WaitForRegisteredAsync("web-ping", first.PodTemplateHash);
        await stack.StartTrafficAsync("web-pp");
        await using var recorder = await stack.RecordAsync();

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var two = await stack.WaitForHealthyAsync("web-pp", 2);

        Assert.Equal("pong", two.StablePingPong);
        Assert.Equal($"web-pp-{second.PodTemplateHash}", two.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-pong"));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("web-ping"));
        Assert.Equal(new Dictionary<string, int> { ["web-ping"] = 0, ["web-pong"] = 100 }, await stack.ActionWeightsAsync("web-pp", ActionKey));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-pp-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-pp-{first.PodTemplateHash}")));

        var third = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.29"));
        var three = await stack.WaitForHealthyAsync("web-pp", 3);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        Assert.Equal("ping", three.StablePingPong);
        Assert.Equal((0, 0), (three.SetWeight, three.ActualWeight));
        Assert.Equal($"web-pp-{third.PodTemplateHash}", three.StableReplicaSet);
        Assert.Equal(third.PodTemplateHash, await stack.SelectedHashAsync("web-ping"));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-pong"));
        Assert.Equal(new Dictionary<string, int> { ["web-pong"] = 0, ["web-ping"] = 100 }, await stack.ActionWeightsAsync("web-pp", ActionKey));
        Assert.Equal((100, 0), (stack.Alb.WeightOf("web-ping"), stack.Alb.WeightOf("web-pong")));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-pp-{third.PodTemplateHash}"), await stack.ReplicasAsync($"web-pp-{second.PodTemplateHash}")));

        // ping 100 -> 80/20 -> pong 100 (hats swap, same weights) -> 20/80 -> ping 100.
        var weights = recorder.AnnotationChanges("web-pp", ActionKey)
            .Select(c => (Ping: AlbActionWeights.WeightOf(c.To, "web-ping"), Pong: AlbActionWeights.WeightOf(c.To, "web-pong")))
            .ToList();
        Assert.Equal([(100, 0), (80, 20), (0, 100), (20, 80), (100, 0)], Collapse(weights));

        // Each side's selector moved exactly once, to the next revision, and only while it had no weight:
        // none in the annotation and none on the load balancer.
        var ping = AfterBaseline(recorder.SelectorChanges("web-ping"));
        var pong = AfterBaseline(recorder.SelectorChanges("web-pong"));
        Assert.Equal([(first.PodTemplateHash, third.PodTemplateHash)], ping.Select(c => (c.From, c.To)));
        Assert.Equal([(first.PodTemplateHash, second.PodTemplateHash)], pong.Select(c => (c.From, c.To)));
        foreach (var (service, change) in ping.Select(c => ("web-ping", c)).Concat(pong.Select(c => ("web-pong", c))))
        {
            Assert.Equal(0, AlbActionWeights.WeightOf(recorder.AnnotationAt("web-pp", ActionKey, change.ResourceVersion), service));
            Assert.True(change.Alb.WeightOf(service) == 0, $"{service} switched to {change.To} while the ALB gave it weight: {change.Alb}");
        }

        // Old revisions lost their pods only once the side still selecting them had no weight on the load balancer.
        var firstDown = recorder.ScaleChanges($"web-pp-{first.PodTemplateHash}")[^1];
        var secondDown = recorder.ScaleChanges($"web-pp-{second.PodTemplateHash}")[^1];
        Assert.Equal((0, 0), (firstDown.To, firstDown.Alb.WeightOf("web-ping")));
        Assert.Equal((0, 0), (secondDown.To, secondDown.Alb.WeightOf("web-pong")));
        TrafficAssert.NoFailedRequests(traffic);
        Assert.True(traffic.ByRevision.GetValueOrDefault(third.PodTemplateHash) > 0, "revision 3 served traffic");
    }

    private static List<(int Ping, int Pong)> Collapse(List<(int Ping, int Pong)> weights) =>
        [.. weights.Where((w, i) => i == 0 || w != weights[i - 1])];

    private static List<ClusterRecorder.Change<string?>> AfterBaseline(IReadOnlyList<ClusterRecorder.Change<string?>> changes) =>
        [.. changes.Where(c => !c.Baseline)];
}
