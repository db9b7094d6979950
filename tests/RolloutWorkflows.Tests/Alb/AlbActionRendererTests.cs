namespace RolloutWorkflows.Tests.Alb;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;

public class AlbActionRendererTests
{
    [Fact]
    public void Render_GuideCanary10Stable90_IsTheGuidesActionWithTheRolloutsPort()
    {
        var canary = Manifests.ReadAndValidate(GuideExamples.CanaryWithAlb).Rollout.Strategy.Canary!;
        var names = AlbServiceNames.Resolve(canary, null);

        var action = AlbActionRenderer.Render(new AlbActionInput(names.CanaryService, names.StableService, canary.GetAlb()!.ServicePort, 10));

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"canary-service","ServicePort":"443","Weight":10},{"ServiceName":"stable-service","ServicePort":"443","Weight":90}]}}""",
            action);
        Assert.Equal("alb.ingress.kubernetes.io/actions.root-service", AlbActionRenderer.ActionKey(canary));
    }

    [Fact]
    public void Render_ServicePort80_EqualsTheGuidesInjectedAnnotation()
    {
        var guide = Manifests.Tree(GuideExamples.InjectedAnnotations)["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/actions.root-service"]!.GetValue<string>();

        var action = AlbActionRenderer.Render(new AlbActionInput("canary-service", "stable-service", 80, 10));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(guide), JsonNode.Parse(action)), action);
    }

    [Fact]
    public void Render_WeightZero_IsAlwaysWritten()
    {
        // Argo issue 491: an omitted 0 weight made the action invalid for the LBC.
        var action = AlbActionRenderer.Render(new AlbActionInput("c", "s", 80, 0));

        Assert.Equal("""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"c","ServicePort":"80","Weight":0},{"ServiceName":"s","ServicePort":"80","Weight":100}]}}""", action);
    }

    [Fact]
    public void Render_Weight100_GivesStableZero()
    {
        var action = AlbActionRenderer.Render(new AlbActionInput("c", "s", 80, 100));

        Assert.Contains("""{"ServiceName":"c","ServicePort":"80","Weight":100},{"ServiceName":"s","ServicePort":"80","Weight":0}""", action, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StickinessEnabled_AddsConfigAfterTargetGroups()
    {
        var action = AlbActionRenderer.Render(new AlbActionInput("c", "s", 443, 25, new StickinessConfig { Enabled = true, DurationSeconds = 3600 }));

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"c","ServicePort":"443","Weight":25},{"ServiceName":"s","ServicePort":"443","Weight":75}],"TargetGroupStickinessConfig":{"Enabled":true,"DurationSeconds":3600}}}""",
            action);
    }

    [Fact]
    public void Render_StickinessDisabled_IsOmitted()
    {
        var action = AlbActionRenderer.Render(new AlbActionInput("c", "s", 80, 5, new StickinessConfig { Enabled = false, DurationSeconds = 3600 }));

        Assert.DoesNotContain("Stickiness", action, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604801)]
    public void Render_StickinessDurationOutOfRange_FailsWithArgosMessage(int seconds)
    {
        var ex = Assert.Throws<AlbAnnotationException>(() =>
            AlbActionRenderer.Render(new AlbActionInput("c", "s", 80, 5, new StickinessConfig { Enabled = true, DurationSeconds = seconds })));

        Assert.Equal("spec.strategy.canary.trafficRouting.alb.stickinessConfig.durationSeconds", ex.Path);
        Assert.Contains("TargetGroupStickinessConfig's duration must be between 1 and 604800 seconds (7 days)!", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Render_WeightOutOfRange_Throws(int weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlbActionRenderer.Render(new AlbActionInput("c", "s", 80, weight)));
    }

    [Fact]
    public void ActionKey_CustomPrefixAndStableService_FollowsF2()
    {
        var canary = Manifests.ExampleRollout().Strategy.Canary!;
        var custom = canary with { TrafficRouting = new TrafficRouting { Alb = canary.GetAlb()! with { AnnotationPrefix = "custom.alb.ingress.kubernetes.io" } } };

        Assert.Equal("alb.ingress.kubernetes.io/actions.web-stable", AlbActionRenderer.ActionKey(canary));
        Assert.Equal("custom.alb.ingress.kubernetes.io/actions.web-stable", AlbActionRenderer.ActionKey(custom));
    }

    [Fact]
    public void RenderReset_IsSingleStableTargetGroupAt100()
    {
        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"stable-service","ServicePort":"80","Weight":100}]}}""",
            AlbActionRenderer.RenderReset("stable-service", 80));
    }

    [Fact]
    public void ResetFromAction_KeepsStablePortAndStickiness()
    {
        var action = AlbActionRenderer.Render(new AlbActionInput("ping", "pong", 8080, 40, new StickinessConfig { Enabled = true, DurationSeconds = 60 }));

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"pong","ServicePort":"8080","Weight":100}],"TargetGroupStickinessConfig":{"Enabled":true,"DurationSeconds":60}}}""",
            AlbActionRenderer.ResetFromAction(action));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Type":"redirect"}""")]
    public void ResetFromAction_NotAForwardAction_Throws(string value)
    {
        Assert.Throws<FormatException>(() => AlbActionRenderer.ResetFromAction(value));
    }
}
