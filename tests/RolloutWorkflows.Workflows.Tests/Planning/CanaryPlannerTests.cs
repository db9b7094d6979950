namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class CanaryPlannerTests
{
    [Fact]
    public void PlanUpdate_GuideCanaryWithVerification_EveryStepVerifiedAndPromotionWaitsForRegistration()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(), "old", PingPongSide.Ping);

        Assert.Equal(
        [
            "EnsureReplicaSet new 0",
            "SwitchSelector canary-service new",
            "ScaleReplicaSet new 1",
            "WaitAvailable new 0",
            "SetWeights canary-service=20 stable-service=80",
            "VerifyWeights canary-service=20 stable-service=80",
            "CompleteStep 0",
            "Pause -",
            "CompleteStep 1",
            "ScaleReplicaSet new 3",
            "WaitAvailable new 0",
            "SetWeights canary-service=60 stable-service=40",
            "VerifyWeights canary-service=60 stable-service=40",
            "CompleteStep 2",
            "Pause 300",
            "CompleteStep 3",
            "ScaleReplicaSet new 4",
            "WaitAvailable new 0",
            "SetWeights canary-service=100 stable-service=0",
            "VerifyWeights canary-service=100 stable-service=0",
            "SwitchSelector stable-service new",
            "VerifyTargets stable-service new",
            "SetWeights canary-service=0 stable-service=100",
            "VerifyWeights canary-service=0 stable-service=100",
            "MarkStable new Ping",
            "Delay 30",
            "ScaleReplicaSet old 0",
        ],
        Specs.Lines(plan));
        Assert.Equal(16, plan.FinishIndex);
        Assert.Equal(25, plan.PromotedIndex);
    }

    [Fact]
    public void PlanUpdate_PingPong_SwapsHatsWithoutTouchingTheStableSelector()
    {
        var plan = CanaryPlanner.PlanUpdate(
            Specs.Canary(pingPong: true, steps: [CanaryStep.SetWeightTo(20)]), "old", PingPongSide.Ping);

        var lines = Specs.Lines(plan);
        Assert.Equal(
        [
            "EnsureReplicaSet new 0",
            "SwitchSelector pong-service new",
            "ScaleReplicaSet new 1",
            "WaitAvailable new 0",
            "SetWeights pong-service=20 ping-service=80",
            "VerifyWeights pong-service=20 ping-service=80",
            "CompleteStep 0",
            "ScaleReplicaSet new 4",
            "WaitAvailable new 0",
            "SetWeights pong-service=100 ping-service=0",
            "VerifyWeights pong-service=100 ping-service=0",
            "VerifyTargets pong-service new",
            "MarkStable new Pong",
            "SetWeights ping-service=0 pong-service=100",
            "VerifyWeights ping-service=0 pong-service=100",
            "Delay 30",
            "ScaleReplicaSet old 0",
        ],
        lines);
        Assert.DoesNotContain("SwitchSelector ping-service new", lines);
    }

    [Fact]
    public void PlanUpdate_PingPongSecondRevision_UsesPingAsCanary()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(hash: "v3", pingPong: true, steps: [CanaryStep.SetWeightTo(20)]), "v2", PingPongSide.Pong);

        var lines = Specs.Lines(plan);
        Assert.Contains("SwitchSelector ping-service v3", lines);
        Assert.Contains("SetWeights ping-service=20 pong-service=80", lines);
        Assert.Contains("MarkStable v3 Ping", lines);
        Assert.Contains("SetWeights pong-service=0 ping-service=100", lines);
    }

    [Fact]
    public void PlanUpdate_VerificationOff_NoVerifyActions()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(verify: false), "old", PingPongSide.Ping);

        Assert.DoesNotContain(plan.Actions, a => a.Kind is ActionKind.VerifyWeights or ActionKind.VerifyTargets);
        Assert.Contains(plan.Actions, a => a.Kind == ActionKind.SetWeights && a.Weight == 20);
    }

    [Fact]
    public void PlanUpdate_DynamicStableScale_StableScalesDownOnlyAfterVerification()
    {
        var plan = CanaryPlanner.PlanUpdate(
            Specs.Canary(replicas: 10, dynamicStableScale: true, steps: [CanaryStep.SetWeightTo(30), CanaryStep.SetWeightTo(10)]),
            "old",
            PingPongSide.Ping);

        var lines = Specs.Lines(plan);
        var verify30 = lines.IndexOf("VerifyWeights canary-service=30 stable-service=70");
        var scaleStable7 = lines.IndexOf("ScaleReplicaSet old 7");
        Assert.True(verify30 >= 0 && scaleStable7 == verify30 + 1, string.Join("\n", lines));

        // Going back down to 10 % needs 9 stable pods available before the weight moves to stable.
        var scaleStable9 = lines.IndexOf("ScaleReplicaSet old 9");
        var set10 = lines.IndexOf("SetWeights canary-service=10 stable-service=90");
        Assert.Equal(scaleStable9 + 2, set10);
        Assert.Equal("WaitAvailable old 0", lines[scaleStable9 + 1]);
        Assert.DoesNotContain(plan.Actions, a => a.Kind == ActionKind.Delay);
    }

    [Fact]
    public void PlanUpdate_FirstDeploy_ServesFromTheNewReplicaSetAtStable100()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(hash: "v1"), null, PingPongSide.Ping);

        Assert.Equal(
        [
            "EnsureReplicaSet v1 4",
            "WaitAvailable v1 0",
            "SwitchSelector stable-service v1",
            "SwitchSelector canary-service v1",
            "SetWeights canary-service=0 stable-service=100",
            "VerifyWeights canary-service=0 stable-service=100",
            "MarkStable v1 Ping",
        ],
        Specs.Lines(plan));
    }

    [Fact]
    public void PlanUpdate_FirstDeployFromVerifyFirstCanary_StableRegistrationVerifiedBeforeStable()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(hash: "v1"), null, PingPongSide.Ping, PlanVersions.VerifyFirstCanary);

        Assert.Equal(
        [
            "EnsureReplicaSet v1 4",
            "WaitAvailable v1 0",
            "SwitchSelector stable-service v1",
            "SwitchSelector canary-service v1",
            "SetWeights canary-service=0 stable-service=100",
            "VerifyWeights canary-service=0 stable-service=100",
            "VerifyTargets stable-service v1",
            "MarkStable v1 Ping",
        ],
        Specs.Lines(plan));
    }

    [Fact]
    public void PlanUpdate_PingPongFirstDeployFromVerifyFirstCanary_VerifiesThePingSide()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(hash: "v1", pingPong: true), null, PingPongSide.Ping, PlanVersions.VerifyFirstCanary);

        Assert.Contains("VerifyTargets ping-service v1", Specs.Lines(plan));
    }

    [Theory]
    [InlineData(PlanVersions.AcceptCorrection, true)]
    [InlineData(PlanVersions.VerifyFirstCanary, false)]
    public void PlanUpdate_FirstDeployBeforeTheVersionOrWithoutVerification_NoTargetVerification(int planVersion, bool verify)
    {
        var lines = Specs.Lines(CanaryPlanner.PlanUpdate(Specs.Canary(hash: "v1", verify: verify), null, PingPongSide.Ping, planVersion));

        Assert.DoesNotContain(lines, l => l.StartsWith("VerifyTargets", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanUpdate_MultipleIngresses_OneSetWeightsActionPerWeightChange()
    {
        var plan = CanaryPlanner.PlanUpdate(Specs.Canary(ingresses: ["a", "b"]), "old", PingPongSide.Ping);

        Assert.Equal(4, plan.Actions.Count(a => a.Kind == ActionKind.SetWeights));
    }

    [Fact]
    public void PlanUpdate_SetCanaryScale_OverridesReplicasUntilMatchTrafficWeight()
    {
        var steps = new[]
        {
            new CanaryStep { Kind = CanaryStepKind.SetCanaryScale, Replicas = 2 },
            CanaryStep.SetWeightTo(10),
            new CanaryStep { Kind = CanaryStepKind.SetCanaryScale, MatchTrafficWeight = true },
            CanaryStep.SetWeightTo(50),
        };
        var lines = Specs.Lines(CanaryPlanner.PlanUpdate(Specs.Canary(replicas: 10, steps: steps), "old", PingPongSide.Ping));

        Assert.Equal(2, lines.Count(l => l == "ScaleReplicaSet new 2"));
        Assert.Contains("ScaleReplicaSet new 5", lines);
    }

    [Fact]
    public void PlanUpdate_NoTrafficRouting_ReplicaRatioThenStableSelector()
    {
        var lines = Specs.Lines(CanaryPlanner.PlanUpdate(Specs.Canary(alb: false, steps: [CanaryStep.SetWeightTo(50)]), "old", PingPongSide.Ping));

        Assert.DoesNotContain(lines, l => l.StartsWith("SetWeights", StringComparison.Ordinal));
        Assert.Contains("ScaleReplicaSet new 2", lines);
        Assert.Contains("SwitchSelector stable-service new", lines);
    }

    [Fact]
    public void PlanAbort_WeightBackToStableVerifiedThenCanaryScaledDownAfterDelay()
    {
        var lines = Specs.Lines(CanaryPlanner.PlanAbort(Specs.Canary(), "old", PingPongSide.Ping));

        Assert.Equal(
        [
            "SetWeights canary-service=0 stable-service=100",
            "VerifyWeights canary-service=0 stable-service=100",
            "Delay 30",
            "ScaleReplicaSet new 0",
        ],
        lines);
    }

    [Fact]
    public void PlanAbort_DynamicStableScale_StableScaledUpBeforeTheWeightMoves()
    {
        var lines = Specs.Lines(CanaryPlanner.PlanAbort(Specs.Canary(dynamicStableScale: true), "old", PingPongSide.Ping));

        Assert.Equal(["ScaleReplicaSet old 4", "WaitAvailable old 0", "SetWeights canary-service=0 stable-service=100"], lines.Take(3));
    }

    [Fact]
    public void PlanAbort_ZeroAbortDelay_KeepsTheCanary()
    {
        var revision = Specs.Canary();
        revision = revision with { Spec = revision.Spec with { Canary = revision.Spec.Canary! with { AbortScaleDownDelaySeconds = 0 } } };

        var plan = CanaryPlanner.PlanAbort(revision, "old", PingPongSide.Ping);

        Assert.DoesNotContain(plan.Actions, a => a.Kind == ActionKind.ScaleReplicaSet);
    }

    [Fact]
    public void PlanSupersede_CanaryScaledDownOnlyAfterItsWeightIsVerifiedZero()
    {
        var lines = Specs.Lines(CanaryPlanner.PlanSupersede(Specs.Canary(), "old", PingPongSide.Ping));

        Assert.Equal(
        [
            "SetWeights canary-service=0 stable-service=100",
            "VerifyWeights canary-service=0 stable-service=100",
            "ScaleReplicaSet new 0",
        ],
        lines);
    }

    [Fact]
    public void PlanUpdate_RevisionIsStable_OnlyRestoresStable()
    {
        var lines = Specs.Lines(CanaryPlanner.PlanUpdate(Specs.Canary(hash: "old"), "old", PingPongSide.Ping));

        Assert.Equal("MarkStable old Ping", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("SwitchSelector", StringComparison.Ordinal));
    }
}
