namespace RolloutWorkflows.Tests.Validation;

using System.Text.Json.Nodes;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Validation;

/// <summary>Every YAML example of the ALB guide parses as written and fails only for what it omits.</summary>
public class GuideExampleTests
{
    [Fact]
    public void CanaryWithAlb_FailsOnlyForOmittedNameSelectorAndTemplate()
    {
        var result = Manifests.ReadAndValidate(GuideExamples.CanaryWithAlb);

        Assert.Equal(["metadata.name", "spec.selector", "spec.template"], Manifests.Paths(result.Problems));
        var alb = result.Rollout.Strategy.Canary!.GetAlb()!;
        Assert.Equal(443, alb.ServicePort);
        Assert.Equal("root-service", result.Rollout.Strategy.Canary.GetActionService());
    }

    [Fact]
    public void RootServiceSnippet_FailsOnlyForWhatItOmits()
    {
        var result = Manifests.ReadAndValidate(GuideExamples.RootService);

        Assert.Equal(
            ["apiVersion", "kind", "metadata.name", "spec.selector", "spec.strategy.canary.trafficRouting.alb", "spec.strategy.canary.trafficRouting.alb.servicePort", "spec.template"],
            Manifests.Paths(result.Problems));
        Assert.Equal("guestbook-root", result.Rollout.Strategy.Canary!.GetActionService());
    }

    [Theory]
    [InlineData(GuideExamples.Stickiness)]
    [InlineData(GuideExamples.AnnotationPrefix)]
    public void CanaryFragment_AtItsPlace_FailsOnlyForWhatItOmits(string fragment)
    {
        var document = new JsonObject { ["spec"] = new JsonObject { ["strategy"] = new JsonObject { ["canary"] = Manifests.Tree(fragment) } } };

        var result = RolloutValidator.ReadAndValidate(document);

        const string canary = "spec.strategy.canary";
        Assert.Equal(
            ["apiVersion", "kind", "metadata.name", "spec.selector", $"{canary}.canaryService", $"{canary}.stableService",
             $"{canary}.trafficRouting.alb", $"{canary}.trafficRouting.alb.servicePort", "spec.template"],
            Manifests.Paths(result.Problems));
    }

    [Fact]
    public void StickinessSnippet_IsRead()
    {
        var document = new JsonObject { ["spec"] = new JsonObject { ["strategy"] = new JsonObject { ["canary"] = Manifests.Tree(GuideExamples.Stickiness) } } };

        var alb = RolloutValidator.ReadAndValidate(document).Rollout.Strategy.Canary!.GetAlb()!;

        Assert.True(alb.StickinessConfig!.Enabled);
        Assert.Equal(3600, alb.StickinessConfig.DurationSeconds);
    }

    [Fact]
    public void PingPongExample_FailsOnlyForMissingRootService()
    {
        var result = Manifests.ReadAndValidate(GuideExamples.PingPong);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("spec.strategy.canary.trafficRouting.alb.rootService", problem.Path);
        Assert.Contains("trafficRouting.alb.rootService", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PingPongExample_WithRootService_IsValid()
    {
        var yaml = GuideExamples.PingPong.Replace("servicePort: 80", "servicePort: 80\n          rootService: root-service", StringComparison.Ordinal);

        Assert.Empty(Manifests.ReadAndValidate(yaml).Problems);
    }
}
