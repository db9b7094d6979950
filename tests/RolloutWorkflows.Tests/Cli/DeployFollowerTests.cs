namespace RolloutWorkflows.Tests.Cli;

using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>How `rollouts deploy --wait` reads a Status for its own revision (recognised by pod-template hash).</summary>
public sealed class DeployFollowerTests
{
    private static readonly DateTime At = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RolloutStatus Status(string phase, string hash, string stable, params string[] events) => new()
    {
        Namespace = "default",
        Name = "web",
        Phase = phase,
        PodTemplateHash = hash,
        Revision = 2,
        StableReplicaSet = $"web-{stable}",
        Message = phase == "Degraded" ? "step 1/4: wait for ReplicaSet failed: pods never ready" : "",
        Events = [.. events.Select(e => new RolloutEvent(At, e))],
    };

    [Fact]
    public void Outcome_PreviousRevisionStillShown_KeepsWaiting()
    {
        Assert.Null(DeployFollower.Outcome(Status("Healthy", "aaa", "aaa"), "bbb", seenBefore: false));
    }

    [Fact]
    public void Outcome_OwnRevisionHealthyAndStable_Succeeds()
    {
        var outcome = DeployFollower.Outcome(Status("Healthy", "bbb", "bbb"), "bbb", seenBefore: true);

        Assert.Equal(new DeployOutcome(true, "Healthy at revision 2 (web-bbb)"), outcome);
    }

    [Fact]
    public void Outcome_OwnRevisionDegraded_FailsWithTheMessage()
    {
        var outcome = DeployFollower.Outcome(Status("Degraded", "bbb", "aaa"), "bbb", seenBefore: true);

        Assert.Equal(new DeployOutcome(false, "Degraded at revision 2: step 1/4: wait for ReplicaSet failed: pods never ready"), outcome);
    }

    [Fact]
    public void Outcome_AnotherRevisionAfterOurs_Superseded()
    {
        var outcome = DeployFollower.Outcome(Status("Progressing", "ccc", "aaa"), "bbb", seenBefore: true);

        Assert.False(outcome!.Succeeded);
        Assert.StartsWith("superseded by revision 2 (ccc)", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_QueuedBehindAFailedUpdate_FailsSayingWhatToRun()
    {
        var outcome = DeployFollower.Outcome(Status("Degraded", "aaa", "zzz", "revision 3 (bbb) queued"), "bbb", seenBefore: false);

        Assert.False(outcome!.Succeeded);
        Assert.StartsWith("queued behind revision 2, which failed: step 1/4: wait for ReplicaSet failed", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("rollouts retry web -n default", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("rollouts delete web -n default", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_RefusedByTheWorkflow_FailsWithItsEvent()
    {
        var outcome = DeployFollower.Outcome(Status("Healthy", "aaa", "aaa", "Deploy of bbb rejected: spec.replicas: -1"), "bbb", seenBefore: false);

        Assert.Equal(new DeployOutcome(false, "Deploy of bbb rejected: spec.replicas: -1"), outcome);
    }
}
