namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class RolloutReferencesTests
{
    private static DateTime Now => new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RolloutState Healthy(bool checkReferences) => new()
    {
        StableHash = "old",
        StableRevision = 1,
        LastRevisionNumber = 1,
        Current = Specs.Canary(hash: "old") with { Number = 1 },
        PlanVersion = checkReferences ? PlanVersions.CheckReferences : PlanVersions.Original,
    };

    [Fact]
    public void Of_Canary_NamesBothServicesWithThePortAndTheIngressWithTheActionService()
    {
        var references = RolloutReferences.Of(Specs.Canary(ingresses: ["a", "b"]));

        Assert.Equal(
            [
                new ServiceReference("spec.strategy.canary.canaryService", "canary-service", 443),
                new ServiceReference("spec.strategy.canary.stableService", "stable-service", 443),
            ],
            references.Services);
        Assert.Equal(
            [
                new IngressReference("spec.strategy.canary.trafficRouting.alb.ingresses[0]", "a", "stable-service", "alb.ingress.kubernetes.io"),
                new IngressReference("spec.strategy.canary.trafficRouting.alb.ingresses[1]", "b", "stable-service", "alb.ingress.kubernetes.io"),
            ],
            references.Ingresses);
        Assert.Equal(("default", "web"), (references.Namespace, references.RolloutName));
    }

    [Fact]
    public void Of_PingPong_NamesPingAndPongAndTheRootServiceAsTheActionService()
    {
        var references = RolloutReferences.Of(Specs.Canary(pingPong: true));

        Assert.Equal(["ping-service", "pong-service"], references.Services.Select(s => s.Name));
        Assert.Equal("root-service", Assert.Single(references.Ingresses).ActionService);
        Assert.Equal("spec.strategy.canary.trafficRouting.alb.ingress", references.Ingresses[0].Field);
    }

    [Fact]
    public void Of_BlueGreen_NamesActiveAndPreviewWithoutAPort()
    {
        var references = RolloutReferences.Of(Specs.BlueGreen());

        Assert.Equal(
            [
                new ServiceReference("spec.strategy.blueGreen.activeService", "active-service", null),
                new ServiceReference("spec.strategy.blueGreen.previewService", "preview-service", null),
            ],
            references.Services);
        Assert.Empty(references.Ingresses);
    }

    [Fact]
    public void PlanFor_UpdateWithTheCheckOn_ChecksFirstAndKeepsTheMarkersOnTheirActions()
    {
        var without = RolloutPlanner.PlanFor(RolloutTransitions.Accept(Healthy(checkReferences: false), Specs.Canary(), Now));
        var with = RolloutPlanner.PlanFor(RolloutTransitions.Accept(Healthy(checkReferences: true), Specs.Canary(), Now));

        Assert.Equal(ActionKind.CheckReferences, with.Actions[0].Kind);
        Assert.Equal(without.Actions, with.Actions.Skip(1));
        Assert.Equal(without.Actions[without.FinishIndex], with.Actions[with.FinishIndex]);
        Assert.Equal(without.Actions[without.PromotedIndex - 1], with.Actions[with.PromotedIndex - 1]);
        Assert.Equal(ActionKind.MarkStable, with.Actions[with.PromotedIndex - 1].Kind);
    }

    [Fact]
    public void PlanFor_AbortAndDeleteWithTheCheckOn_AreUnchanged()
    {
        var updating = RolloutTransitions.Accept(Healthy(checkReferences: true), Specs.Canary(), Now);

        var abort = RolloutPlanner.PlanFor(RolloutTransitions.Abort(updating, null, Now));
        var delete = RolloutPlanner.PlanFor(RolloutTransitions.Delete(updating, Now));

        Assert.DoesNotContain(abort.Actions.Concat(delete.Actions), a => a.Kind == ActionKind.CheckReferences);
    }

    [Fact]
    public void PromoteFull_WithTheCheckOn_JumpsToTheEndOfTheSteps()
    {
        var state = RolloutTransitions.Accept(Healthy(checkReferences: true), Specs.Canary(), Now);
        while (RolloutPlanner.CurrentAction(state) is { Kind: not ActionKind.Pause } action)
        {
            state = RolloutTransitions.Record(state, action, Now);
        }

        var promoted = RolloutTransitions.Promote(state, full: true, Now);

        var next = RolloutPlanner.CurrentAction(promoted)!;
        Assert.Equal((ActionKind.ScaleReplicaSet, 4, "canary"), (next.Kind, next.Replicas, next.Role));
    }
}
