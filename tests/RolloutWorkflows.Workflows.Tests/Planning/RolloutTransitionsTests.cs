namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class RolloutTransitionsTests
{
    private static DateTime Now => new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RolloutState Healthy(string hash = "old") =>
        new() { StableHash = hash, StableRevision = 1, LastRevisionNumber = 1, Current = Specs.Canary(hash: hash) with { Number = 1 } };

    /// <summary>Runs the plan of <paramref name="state"/> until an action of <paramref name="kind"/> is next.</summary>
    private static RolloutState RunUntil(RolloutState state, ActionKind kind, int occurrence = 1)
    {
        while (RolloutPlanner.CurrentAction(state) is { } action)
        {
            if (action.Kind == kind && --occurrence == 0)
            {
                return state;
            }

            state = RolloutTransitions.Record(state, action, Now);
        }

        throw new InvalidOperationException($"no {kind} left");
    }

    private static RolloutState RunToEnd(RolloutState state)
    {
        while (RolloutPlanner.CurrentAction(state) is { } action)
        {
            state = RolloutTransitions.Record(state, action, Now);
        }

        return state;
    }

    [Fact]
    public void Accept_WhenHealthy_StartsUpdateFromTheStableRevision()
    {
        var state = RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now);

        Assert.Equal(RolloutStage.Updating, state.Stage);
        Assert.Equal(2, state.Current!.Number);
        Assert.Equal("old", state.BaseStableHash);
        Assert.Equal(0, state.ActionIndex);
    }

    [Fact]
    public void Accept_SameHashWhileUpdating_IsIgnored()
    {
        var state = RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now);

        var again = RolloutTransitions.Accept(state, Specs.Canary(), Now);

        Assert.Equal(state.LastRevisionNumber, again.LastRevisionNumber);
        Assert.Null(again.Pending);
    }

    [Fact]
    public void Accept_CorrectedSpecWithTheSamePodsAfterAFailure_RestartsTheUpdateWithTheCorrectedSpec()
    {
        var failed = Failed(RolloutTransitions.Accept(Healthy() with { PlanVersion = PlanVersions.Latest }, Specs.Canary(), Now), atAction: 2);
        var corrected = Specs.Canary() with { Spec = Specs.Canary().Spec with { Replicas = 5 } };

        var state = RolloutTransitions.Accept(failed, corrected, Now);

        Assert.Equal((RolloutStage.Updating, 0, 0, false, false), (state.Stage, state.ActionIndex, state.StepIndex, state.Failed, state.Paused));
        Assert.Equal(5, state.Current!.Spec.Replicas);
        Assert.Equal(failed.Current!.Number, state.Current.Number);
        Assert.Equal(failed.LastRevisionNumber, state.LastRevisionNumber);
    }

    [Fact]
    public void Accept_SameSpecAgainAfterAFailure_IsStillIgnored()
    {
        var failed = Failed(RolloutTransitions.Accept(Healthy() with { PlanVersion = PlanVersions.Latest }, Specs.Canary(), Now), atAction: 2);

        var state = RolloutTransitions.Accept(failed, Specs.Canary(), Now);

        Assert.True(state.Failed);
        Assert.Equal(failed.ActionIndex, state.ActionIndex);
    }

    [Fact]
    public void Accept_CorrectedSpecBeforeThePatch_IsIgnoredAsBefore()
    {
        var failed = Failed(RolloutTransitions.Accept(Healthy() with { PlanVersion = PlanVersions.VerifyFirstBlueGreen }, Specs.Canary(), Now), atAction: 2);
        var corrected = Specs.Canary() with { Spec = Specs.Canary().Spec with { Replicas = 5 } };

        var state = RolloutTransitions.Accept(failed, corrected, Now);

        Assert.True(state.Failed);
        Assert.Equal(4, state.Current!.Spec.Replicas);
    }

    [Fact]
    public void Accept_NewRevisionAfterAFirstRevisionRefusedByTheReferenceCheck_ReplacesIt()
    {
        var first = RolloutTransitions.Accept(new RolloutState { PlanVersion = PlanVersions.Latest }, Specs.Canary(hash: "typo"), Now);
        Assert.Equal(ActionKind.CheckReferences, RolloutPlanner.CurrentAction(first)!.Kind);
        var refused = Failed(first, atAction: 0);

        var state = RolloutTransitions.Accept(refused, Specs.Canary(hash: "fixed"), Now);

        Assert.Equal((RolloutStage.Updating, 0, false), (state.Stage, state.ActionIndex, state.Failed));
        Assert.Equal("fixed", state.Current!.PodTemplateHash);
        Assert.Null(state.Pending);
    }

    [Fact]
    public void Accept_BeforeReplaceFirstRevision_NewRevisionAfterAFirstRevisionFailedLater_IsQueuedBehindIt()
    {
        var first = RolloutTransitions.Accept(new RolloutState { PlanVersion = PlanVersions.VerifyFirstCanary }, Specs.Canary(hash: "broken"), Now);
        var failed = Failed(first, atAction: 2);

        var state = RolloutTransitions.Accept(failed, Specs.Canary(hash: "fixed"), Now);

        Assert.Equal("broken", state.Current!.PodTemplateHash);
        Assert.Equal("fixed", state.Pending!.PodTemplateHash);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Accept_NewRevisionWhileTheFirstIsNotYetStable_ReplacesItAndScalesItDownAtTheEnd(bool firstFailed)
    {
        var first = RolloutTransitions.Accept(new RolloutState { PlanVersion = PlanVersions.Latest }, Specs.Canary(hash: "broken"), Now);
        var before = firstFailed ? Failed(first, atAction: 2) : RunUntil(first, ActionKind.WaitAvailable);

        var state = RolloutTransitions.Accept(before, Specs.Canary(hash: "fixed"), Now);

        Assert.Equal((RolloutStage.Updating, 0, false, 2L), (state.Stage, state.ActionIndex, state.Failed, state.Current!.Number));
        Assert.Equal("fixed", state.Current.PodTemplateHash);
        Assert.Null(state.Pending);
        Assert.Equal(["broken"], state.Replaced);
        Assert.Equal("revision 2 (fixed) replaces revision 1, which never became stable; its ReplicaSet is scaled down once revision 2 is", state.Events[^2].Text);
        var plan = RolloutPlanner.PlanFor(state);
        var markStable = plan.Actions.ToList().FindIndex(a => a.Kind == ActionKind.MarkStable);
        Assert.Equal(plan.Count - 2, markStable);
        Assert.Equal(new RolloutAction(ActionKind.ScaleReplicaSet) { Hash = "broken", Replicas = 0, Role = "replaced", IfExists = true }, plan.Actions[^1]);
    }

    [Fact]
    public void Complete_AfterReplacingTheFirstRevision_ForgetsTheReplacedOnes()
    {
        var first = RolloutTransitions.Accept(new RolloutState { PlanVersion = PlanVersions.Latest }, Specs.Canary(hash: "a"), Now);
        var replacedTwice = RolloutTransitions.Accept(RolloutTransitions.Accept(first, Specs.Canary(hash: "b"), Now), Specs.Canary(hash: "c"), Now);
        Assert.Equal(["a", "b"], replacedTwice.Replaced);

        var (done, finished, _) = RolloutTransitions.Complete(RunToEnd(replacedTwice), Now);

        Assert.True(finished);
        Assert.Equal(("c", RolloutStage.Idle), (done.StableHash, done.Stage));
        Assert.Empty(done.Replaced);
    }

    [Fact]
    public void Accept_NewRevisionOnceTheFirstIsMarkedStable_IsQueued()
    {
        var first = RolloutTransitions.Accept(new RolloutState { PlanVersion = PlanVersions.Latest }, Specs.Canary(hash: "v1"), Now);
        var stable = RunToEnd(first);
        Assert.Equal("v1", stable.StableHash);

        var state = RolloutTransitions.Accept(stable, Specs.Canary(hash: "v2"), Now);

        Assert.Equal("v2", state.Pending!.PodTemplateHash);
        Assert.Empty(state.Replaced);
    }

    /// <summary>Runs <paramref name="atAction"/> actions of the plan, then fails the next one for good.</summary>
    private static RolloutState Failed(RolloutState state, int atAction)
    {
        for (var i = 0; i < atAction; i++)
        {
            state = RolloutTransitions.Record(state, RolloutPlanner.CurrentAction(state)!, Now);
        }

        return RolloutTransitions.ActionFailed(state, RolloutPlanner.CurrentAction(state)!, "refused", Now);
    }

    [Fact]
    public void Accept_NewHashDuringUpdate_SupersedesThenStartsTheNewRevision()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(hash: "v2"), Now), ActionKind.Pause);

        state = RolloutTransitions.Accept(state, Specs.Canary(hash: "v3"), Now);
        Assert.Equal(RolloutStage.Superseding, state.Stage);
        state = RunToEnd(state);
        Assert.Equal(0, state.VerifiedWeight);
        var (next, finished, ended) = RolloutTransitions.Complete(state, Now);

        Assert.True(finished);
        Assert.False(ended);
        Assert.Equal(RolloutStage.Updating, next.Stage);
        Assert.Equal("v3", next.Current!.PodTemplateHash);
        Assert.Equal(3, next.Current.Number);
        Assert.Equal("old", next.BaseStableHash);
    }

    [Fact]
    public void Accept_AfterPromotion_QueuesUntilTheScaleDownIsDone()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(hash: "v2"), Now), ActionKind.Delay);

        state = RolloutTransitions.Accept(state, Specs.Canary(hash: "v3"), Now);

        Assert.Equal(RolloutStage.Updating, state.Stage);
        Assert.Equal("v3", state.Pending!.PodTemplateHash);
        var (next, finished, _) = RolloutTransitions.Complete(RunToEnd(state), Now);
        Assert.True(finished);
        Assert.Equal("v3", next.Current!.PodTemplateHash);
        Assert.Equal("v2", next.BaseStableHash);
    }

    [Fact]
    public void Record_WholeCanaryUpdate_EndsStableWithStepsDone()
    {
        var state = RunToEnd(RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now));

        Assert.Equal("new", state.StableHash);
        Assert.Equal(4, state.StepIndex);
        Assert.Equal(0, state.SetWeight);
        Assert.Equal(0, state.VerifiedWeight);
        Assert.Contains(state.Events, e => e.Text == "Rollout step 1/4 completed (setWeight: 20)");
        var (idle, finished, _) = RolloutTransitions.Complete(state, Now);
        Assert.True(finished);
        Assert.Equal(StatusProjection.Healthy, StatusProjection.PhaseOf(idle).Phase);
    }

    [Fact]
    public void Record_PingPongRevision_FlipsTheStableSide()
    {
        var state = RunToEnd(RolloutTransitions.Accept(Healthy(), Specs.Canary(pingPong: true), Now));

        Assert.Equal(PingPongSide.Pong, state.StableSide);
    }

    [Fact]
    public void Promote_AtPauseStep_MovesPastThePause()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now), ActionKind.Pause);
        Assert.Equal(StatusProjection.Paused, StatusProjection.PhaseOf(state).Phase);

        var promoted = RolloutTransitions.Promote(state, full: false, Now);

        Assert.Equal(ActionKind.CompleteStep, RolloutPlanner.CurrentAction(promoted)!.Kind);
        Assert.Equal(StatusProjection.Progressing, StatusProjection.PhaseOf(promoted).Phase);
    }

    [Fact]
    public void Promote_Full_JumpsToTheEndOfTheSteps()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now), ActionKind.Pause);

        var promoted = RolloutTransitions.Promote(state, full: true, Now);

        var action = RolloutPlanner.CurrentAction(promoted)!;
        Assert.Equal(ActionKind.ScaleReplicaSet, action.Kind);
        Assert.Equal(4, action.Replicas);
        Assert.Equal(4, promoted.StepIndex);
    }

    [Fact]
    public void Abort_ThenRetry_RestartsAtStepZero()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now), ActionKind.Pause);

        var aborted = RunToEnd(RolloutTransitions.Abort(state, "bad metrics", Now));
        aborted = RolloutTransitions.Complete(aborted, Now).State;
        Assert.Equal(RolloutStage.Aborted, aborted.Stage);
        var (phase, message) = StatusProjection.PhaseOf(aborted);
        Assert.Equal(StatusProjection.Degraded, phase);
        Assert.Equal("RolloutAborted: Rollout aborted update to revision 2: bad metrics", message);
        Assert.Equal(0, aborted.VerifiedWeight);

        var retried = RolloutTransitions.Retry(aborted, Now);
        Assert.Equal(RolloutStage.Updating, retried.Stage);
        Assert.Equal(0, retried.ActionIndex);
        Assert.Equal(0, retried.StepIndex);
    }

    [Fact]
    public void VerificationTimedOut_ConfiguredAbort_Aborts()
    {
        var revision = Specs.Canary() with { Settings = new RolloutSettings { VerifyTargetGroups = true, OnVerificationTimeout = VerificationTimeoutAction.Abort } };
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), revision, Now), ActionKind.VerifyWeights);

        var next = RolloutTransitions.VerificationTimedOut(state, "ingress default/ingress: canary weight 0, want 20", Now);

        Assert.Equal(RolloutStage.Aborting, next.Stage);
        Assert.Contains("canary weight 0, want 20", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerificationTimedOut_DefaultPause_PausesAtTheSameAction()
    {
        var state = RunUntil(RolloutTransitions.Accept(Healthy(), Specs.Canary(), Now), ActionKind.VerifyWeights);

        var next = RolloutTransitions.VerificationTimedOut(state, "LBC lagging", Now);

        Assert.True(next.Paused);
        Assert.Equal(state.ActionIndex, next.ActionIndex);
        Assert.Equal(StatusProjection.Paused, StatusProjection.PhaseOf(next).Phase);
    }

    [Fact]
    public void WithEvent_KeepsTheLastTwenty()
    {
        var state = new RolloutState();
        for (var i = 0; i < 25; i++)
        {
            state = state.WithEvent(Now, $"e{i}");
        }

        Assert.Equal(RolloutState.MaxEvents, state.Events.Count);
        Assert.Equal("e5", state.Events[0].Text);
        Assert.Equal("e24", state.Events[^1].Text);
    }

    [Fact]
    public void PlanDelete_PingPongAfterSwap_ResetsToTheCurrentStableSide()
    {
        var state = RunToEnd(RolloutTransitions.Accept(Healthy(), Specs.Canary(pingPong: true), Now));

        var lines = Specs.Lines(RolloutPlanner.PlanFor(RolloutTransitions.Delete(state, Now)));

        Assert.Equal(["ResetAlb pong-service"], lines);
    }
}
