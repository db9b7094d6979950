namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class ControlRulesTests
{
    private static DateTime Now => new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RolloutState Updating() =>
        RolloutTransitions.Accept(new RolloutState { StableHash = "old", StableRevision = 1, LastRevisionNumber = 1 }, Specs.Canary(), Now);

    [Fact]
    public void RejectPromote_WhenHealthy_SaysNothingToPromote()
    {
        var reason = ControlRules.RejectPromote(new RolloutState { StableHash = "old", StableRevision = 3 }, full: false);

        Assert.Equal("nothing to promote: the rollout is Healthy at revision 3", reason);
    }

    [Fact]
    public void RejectPromote_NotAtPause_SuggestsFull()
    {
        var reason = ControlRules.RejectPromote(Updating(), full: false);

        Assert.NotNull(reason);
        Assert.Contains("use Promote with full", reason, StringComparison.Ordinal);
        Assert.Null(ControlRules.RejectPromote(Updating(), full: true));
    }

    [Fact]
    public void RejectAbort_FirstRevision_ExplainsThereIsNoStable()
    {
        var state = RolloutTransitions.Accept(new RolloutState(), Specs.Canary(), Now);

        Assert.Contains("no stable revision", ControlRules.RejectAbort(state), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectAbort_AlreadyAborted_SuggestsRetry()
    {
        var state = RolloutTransitions.Abort(Updating(), null, Now);

        Assert.Contains("use Retry", ControlRules.RejectAbort(state), StringComparison.Ordinal);
        Assert.Null(ControlRules.RejectRetry(state));
    }

    [Fact]
    public void RejectRetry_WhileProgressing_Rejected()
    {
        Assert.NotNull(ControlRules.RejectRetry(Updating()));
    }

    [Fact]
    public void RejectPauseAndResume_FollowThePausedFlag()
    {
        var state = Updating();
        Assert.Null(ControlRules.RejectPause(state));
        Assert.NotNull(ControlRules.RejectResume(state));

        var paused = RolloutTransitions.Pause(state, Now);
        Assert.NotNull(ControlRules.RejectPause(paused));
        Assert.Null(ControlRules.RejectResume(paused));
    }

    [Fact]
    public void RejectDelete_Twice_Rejected()
    {
        var deleting = RolloutTransitions.Delete(Updating(), Now);

        Assert.Null(ControlRules.RejectDelete(Updating()));
        Assert.NotNull(ControlRules.RejectDelete(deleting));
    }
}
