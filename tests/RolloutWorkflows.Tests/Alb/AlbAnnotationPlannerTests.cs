namespace RolloutWorkflows.Tests.Alb;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;

public class AlbAnnotationPlannerTests
{
    private static string Key => "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public void PlanSetWeight_FreshIngress_PatchesActionAndBookkeeping()
    {
        var plan = Assert.Single(AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 20, [Ingress("web", [])]));

        Assert.Equal(
            """{"metadata":{"annotations":{"alb.ingress.kubernetes.io/actions.web-stable":"{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"ServiceName\":\"web-canary\",\"ServicePort\":\"80\",\"Weight\":20},{\"ServiceName\":\"web-stable\",\"ServicePort\":\"80\",\"Weight\":80}]}}","rollouts.argoproj.io/managed-alb-annotations":"{\"web\":[\"alb.ingress.kubernetes.io/actions.web-stable\"]}"}}}""",
            plan.Patch);
        Assert.True(plan.HasChanges);
        Assert.Null(plan.Error);
    }

    [Fact]
    public void PlanSetWeight_SameWeightAgain_HasNoChanges()
    {
        var first = AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 20, [Ingress("web", [])])[0];

        var second = AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 20, [new IngressAnnotations("web", first.Desired)])[0];

        Assert.Equal("", second.Patch);
        Assert.False(second.HasChanges);
    }

    [Fact]
    public void PlanSetWeight_OneIngressUnchanged_StillPatchesTheOther()
    {
        // Argo's SetWeight returns at the first unchanged ingress, so "b" would never be fixed.
        var rollout = WithIngresses("a", "b");
        var done = AlbAnnotationPlanner.PlanSetWeight(rollout, null, 30, [Ingress("a", [])])[0].Desired;

        var plans = AlbAnnotationPlanner.PlanSetWeight(rollout, null, 30, [new IngressAnnotations("a", done), Ingress("b", [])]);

        Assert.Equal(["a", "b"], plans.Select(p => p.IngressName));
        Assert.False(plans[0].HasChanges);
        Assert.True(plans[1].HasChanges);
        Assert.Contains("\\\"Weight\\\":30", plans[1].Patch, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSetWeight_OneIngressCorrupt_OtherStillPlanned()
    {
        var plans = AlbAnnotationPlanner.PlanSetWeight(WithIngresses("a", "b"), null, 30, [Ingress("a", (ManagedAnnotations.Key, "{oops")), Ingress("b", [])]);

        Assert.False(plans[0].HasChanges);
        Assert.StartsWith("ingress/a.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]: corrupt JSON", plans[0].Error, StringComparison.Ordinal);
        Assert.True(plans[1].HasChanges);
    }

    [Fact]
    public void PlanSetWeight_OtherRolloutsEntriesAndAnnotations_ArePreserved()
    {
        var ingress = Ingress("web",
            ("alb.ingress.kubernetes.io/actions.api-stable", "{}"),
            ("alb.ingress.kubernetes.io/scheme", "internet-facing"),
            (ManagedAnnotations.Key, """{"api":["alb.ingress.kubernetes.io/actions.api-stable"]}"""));

        var plan = AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 0, [ingress])[0];

        Assert.Equal("{}", plan.Desired["alb.ingress.kubernetes.io/actions.api-stable"]);
        Assert.Equal("internet-facing", plan.Desired["alb.ingress.kubernetes.io/scheme"]);
        Assert.Equal($$"""{"api":["alb.ingress.kubernetes.io/actions.api-stable"],"web":["{{Key}}"]}""", plan.Desired[ManagedAnnotations.Key]);
        Assert.DoesNotContain("api-stable\":null", plan.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSetWeight_LegacyBookkeeping_IsFoldedInAndRemoved()
    {
        var ingress = Ingress("web", (ManagedAnnotations.LegacyKey, "old:alb.ingress.kubernetes.io/actions.old-stable"));

        var plan = AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 10, [ingress])[0];

        Assert.False(plan.Desired.ContainsKey(ManagedAnnotations.LegacyKey));
        Assert.Equal($$"""{"old":["alb.ingress.kubernetes.io/actions.old-stable"],"web":["{{Key}}"]}""", plan.Desired[ManagedAnnotations.Key]);
        Assert.Contains("\"rollouts.argoproj.io/managed-alb-actions\":null", plan.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSetWeight_ActionOfAnotherRollout_IsAConflict()
    {
        var ingress = Ingress("web", (ManagedAnnotations.Key, $$"""{"other":["{{Key}}"]}"""));

        var plan = AlbAnnotationPlanner.PlanSetWeight(Manifests.ExampleRollout(), null, 10, [ingress])[0];

        Assert.False(plan.HasChanges);
        Assert.Contains("already managed by rollout \"other\"", plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSetWeight_PingPong_NamesRootAndRoutesByStableSide()
    {
        var rollout = PingPong();

        var desired = AlbAnnotationPlanner.PlanSetWeight(rollout, "ping", 25, [Ingress("web-pp", [])])[0].Desired;

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"web-pong","ServicePort":"80","Weight":25},{"ServiceName":"web-ping","ServicePort":"80","Weight":75}]}}""",
            desired["alb.ingress.kubernetes.io/actions.web-root"]);
    }

    [Fact]
    public void PlanReset_RootService_ForwardsAllToTheStableServiceNotTheRoot()
    {
        var canary = Manifests.ExampleRollout().Strategy.Canary!;
        var rollout = Manifests.ExampleRollout() with
        {
            Strategy = new RolloutStrategy { Canary = canary with { TrafficRouting = new TrafficRouting { Alb = canary.GetAlb()! with { RootService = "web-root" } } } },
        };
        var written = AlbAnnotationPlanner.PlanSetWeight(rollout, null, 50, [Ingress("web", [])])[0].Desired;

        var reset = AlbAnnotationPlanner.PlanReset(rollout, null, [new IngressAnnotations("web", written)])[0];

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"web-stable","ServicePort":"80","Weight":100}]}}""",
            reset.Desired["alb.ingress.kubernetes.io/actions.web-root"]);
        Assert.False(reset.Desired.ContainsKey(ManagedAnnotations.Key));
        Assert.Contains("\"rollouts.argoproj.io/managed-alb-annotations\":null", reset.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanReset_PingPong_ForwardsAllToTheCurrentStableSide()
    {
        var rollout = PingPong();
        var written = AlbAnnotationPlanner.PlanSetWeight(rollout, "pong", 60, [Ingress("web-pp", [])])[0].Desired;

        var reset = AlbAnnotationPlanner.PlanReset(rollout, "pong", [new IngressAnnotations("web-pp", written)])[0];

        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"web-pong","ServicePort":"80","Weight":100}]}}""",
            reset.Desired["alb.ingress.kubernetes.io/actions.web-root"]);
    }

    [Fact]
    public void PlanReset_OtherRolloutsEntry_IsKept()
    {
        var ingress = Ingress("web", (Key, "{}"), (ManagedAnnotations.Key, $$"""{"api":["x/actions.api"],"web":["{{Key}}"]}"""));

        var reset = AlbAnnotationPlanner.PlanReset(Manifests.ExampleRollout(), null, [ingress])[0];

        Assert.Equal("""{"api":["x/actions.api"]}""", reset.Desired[ManagedAnnotations.Key]);
        Assert.Equal(AlbActionRenderer.RenderReset("web-stable", 80), reset.Desired[Key]);
    }

    [Fact]
    public void PlanReset_NoEntryForTheRollout_ChangesNothing()
    {
        var ingress = Ingress("web", (Key, "{}"), (ManagedAnnotations.Key, $$"""{"other":["{{Key}}"]}"""));

        var reset = AlbAnnotationPlanner.PlanReset(Manifests.ExampleRollout(), null, [ingress])[0];

        Assert.False(reset.HasChanges);
    }

    [Fact]
    public void PlanReset_ConditionKeysOfTheRollout_AreRemoved()
    {
        var ingress = Ingress("web", (Key, "{}"), ("alb.ingress.kubernetes.io/conditions.hdr", "[]"),
            (ManagedAnnotations.Key, $$"""{"web":["{{Key}}","alb.ingress.kubernetes.io/conditions.hdr"]}"""));

        var reset = AlbAnnotationPlanner.PlanReset(Manifests.ExampleRollout(), null, [ingress])[0];

        Assert.False(reset.Desired.ContainsKey("alb.ingress.kubernetes.io/conditions.hdr"));
    }

    private static IngressAnnotations Ingress(string name, params (string Key, string Value)[] annotations) =>
        new(name, annotations.ToDictionary(a => a.Key, a => a.Value));

    private static Rollout WithIngresses(params string[] names)
    {
        var rollout = Manifests.ExampleRollout();
        var canary = rollout.Strategy.Canary!;
        var alb = canary.GetAlb()! with { Ingress = null, Ingresses = names };
        return rollout with { Strategy = new RolloutStrategy { Canary = canary with { TrafficRouting = new TrafficRouting { Alb = alb } } } };
    }

    private static Rollout PingPong() => Manifests.Rollout(RepoFiles.Read("examples/pingpong.yaml").Split("---")[0]);
}
