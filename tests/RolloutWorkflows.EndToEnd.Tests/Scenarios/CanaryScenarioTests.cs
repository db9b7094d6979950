namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>The guide's canary end to end: real worker, real clients, LBC simulator and traffic between them.</summary>
public sealed class CanaryScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task Canary_GuideExample_PromotedWithVerifiedWeightsAndNoFailedRequest()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var rollout = EndToEndStack.ReadRollout(Examples.Canary);
        var first = await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web", 1);
        await stack.StartTrafficAsync("web");

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        var status = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();

        Assert.Equal(0, status.SetWeight);
        Assert.Equal(0, status.ActualWeight);
        Assert.Equal($"web-{second.PodTemplateHash}", status.StableReplicaSet);
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-canary"));
        Assert.Equal(4, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));
        Assert.Equal(0, await stack.ReplicasAsync($"web-{first.PodTemplateHash}"));
        Assert.Contains("\"ServiceName\":\"web-stable\",\"ServicePort\":\"80\",\"Weight\":100", await stack.AnnotationAsync("web", ActionKey), StringComparison.Ordinal);
        foreach (var weight in new[] { 20, 50, 100 })
        {
            Assert.Contains(status.Events, e => e.Text == $"weight {weight}% verified");
        }

        Assert.Equal(0, traffic.Failures);
        Assert.True(traffic.ByRevision.GetValueOrDefault(second.PodTemplateHash) > 0, "revision 2 served traffic");
    }
}
