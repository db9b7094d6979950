namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class BlueGreenPlannerTests
{
    [Fact]
    public void PlanUpdate_ManualPromotion_PreviewThenWaitThenActiveVerifiedBeforeScaleDown()
    {
        var plan = BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(autoPromotion: false), "old");

        Assert.Equal(
        [
            "EnsureReplicaSet new 3",
            "SwitchSelector preview-service new",
            "WaitAvailable new 0",
            "Pause -",
            "SwitchSelector active-service new",
            "VerifyTargets active-service new",
            "MarkStable new Ping",
            "Delay 30",
            "ScaleReplicaSet old 0",
        ],
        Specs.Lines(plan));
        Assert.Equal(4, plan.FinishIndex);
    }

    [Fact]
    public void PlanUpdate_AutoPromotionSeconds_TimedPause()
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(autoPromotionSeconds: 60), "old"));

        Assert.Equal("Pause 60", lines[3]);
    }

    [Fact]
    public void PlanUpdate_AutoPromotionImmediate_NoPause()
    {
        var plan = BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(), "old");

        Assert.DoesNotContain(plan.Actions, a => a.Kind == ActionKind.Pause);
    }

    [Fact]
    public void PlanUpdate_FirstDeploy_ActiveImmediately()
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(hash: "v1"), null));

        Assert.Contains("SwitchSelector active-service v1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Pause", StringComparison.Ordinal));
        Assert.Equal("MarkStable v1 Ping", lines[^1]);
    }

    [Fact]
    public void PlanUpdate_FirstDeployFromVerifyFirstBlueGreen_ActiveRegistrationVerifiedBeforeStable()
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(hash: "v1"), null, PlanVersions.VerifyFirstBlueGreen));

        Assert.Equal(
            [
                "EnsureReplicaSet v1 3",
                "ScaleReplicaSet v1 3",
                "WaitAvailable v1 0",
                "SwitchSelector active-service v1",
                "VerifyTargets active-service v1",
                "SwitchSelector preview-service v1",
                "MarkStable v1 Ping",
            ],
            lines);
    }

    [Theory]
    [InlineData(PlanVersions.CheckReferences, true)]
    [InlineData(PlanVersions.VerifyFirstBlueGreen, false)]
    public void PlanUpdate_FirstDeployBeforeTheVersionOrWithoutVerification_NoTargetVerification(int planVersion, bool verify)
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanUpdate(Specs.BlueGreen(hash: "v1", verify: verify), null, planVersion));

        Assert.DoesNotContain(lines, l => l.StartsWith("VerifyTargets", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanAbort_ActiveBackToStableVerifiedThenPreviewScaledDownAfterTheDelay()
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanAbort(Specs.BlueGreen(), "old"));

        Assert.Equal(["SwitchSelector active-service old", "VerifyTargets active-service old", "Delay 30", "ScaleReplicaSet new 0"], lines);
    }

    [Fact]
    public void PlanAbort_AbortScaleDownDelayZero_KeepsThePreviewReplicaSetForDebugging()
    {
        var lines = Specs.Lines(BlueGreenPlanner.PlanAbort(Specs.BlueGreen(abortScaleDownDelaySeconds: 0), "old"));

        Assert.Equal(["SwitchSelector active-service old", "VerifyTargets active-service old"], lines);
    }
}
