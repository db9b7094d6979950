namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;
using RolloutWorkflows.Workflows.Rollout;
using RolloutWorkflows.Workflows.Tests.Planning;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

[Collection(WorkflowCollection.Name)]
public class LongLifeWorkflowTests
{
    private readonly WorkflowFixture fixture;

    public LongLifeWorkflowTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public async Task Worker_StoppedMidRollout_NewWorkerFinishesIt()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "restart");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name));
            await rollout.WaitForHealthyAsync(1);
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name));
            await rollout.WaitForAsync(s => s.Phase == "Paused", "the pause step");
        });
        var callsBefore = cluster.Calls.Count;

        // A fresh worker (new process in real life) picks the rollout up from its history.
        await rollout.RunAsync(async () =>
        {
            await rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
            await rollout.WaitForHealthyAsync(2);
        });

        Assert.Equal("v2", cluster.Selectors["stable-service"]);
        Assert.DoesNotContain(cluster.Calls.Skip(callsBefore), c => c.StartsWith("EnsureReplicaSet", StringComparison.Ordinal));
        Assert.Empty(cluster.Violations);
    }

    [Fact]
    public async Task Revision_Finished_ContinuesAsNewCarryingTheState()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "continue");
        await rollout.RunAsync(async () =>
        {
            await rollout.DeployAsync(Specs.Canary(hash: "v1", name: rollout.Name, steps: [CanaryStep.SetWeightTo(50)]));
            await rollout.WaitForHealthyAsync(1);
            var firstRun = await fixture.Client.GetWorkflowHandle(rollout.WorkflowId).DescribeAsync();
            await rollout.DeployAsync(Specs.Canary(hash: "v2", name: rollout.Name, steps: [CanaryStep.SetWeightTo(50)]));
            var status = await rollout.WaitForHealthyAsync(2);
            var latest = await fixture.Client.GetWorkflowHandle(rollout.WorkflowId).DescribeAsync();

            Assert.NotEqual(firstRun.RunId, latest.RunId);
            Assert.Contains(status.Events, e => e.Text == "revision 1 is stable");
            Assert.Equal($"{rollout.Name}-v2", status.StableReplicaSet);
            var history = await fixture.Client.GetWorkflowHandle(rollout.WorkflowId, firstRun.RunId).FetchHistoryAsync();
            Assert.Equal(EventType.WorkflowExecutionContinuedAsNew, history.Events.Last().EventType);
        });
    }

    [Fact]
    public async Task State_CarriedFromBeforeTheReferenceCheck_FinishesItsPlanAsIsAndChecksFromTheNextRevision()
    {
        var cluster = new FakeCluster();
        var rollout = new RolloutHarness(fixture.Client, [cluster], "carried");

        // A run from before the patch continued as new at its indefinite pause: the state points into the old plan.
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var healthy = new RolloutState { StableHash = "v1", StableRevision = 1, LastRevisionNumber = 1, Current = Specs.Canary(hash: "v1", name: rollout.Name) with { Number = 1 } };
        var carried = RolloutTransitions.Accept(healthy, Specs.Canary(hash: "v2", name: rollout.Name), now);
        while (RolloutPlanner.CurrentAction(carried) is { Kind: not ActionKind.Pause } action)
        {
            carried = RolloutTransitions.Record(carried, action, now);
        }

        cluster.ReplicaSets[$"{rollout.Name}-v1"] = 4;
        cluster.ReplicaSets[$"{rollout.Name}-v2"] = 1;
        cluster.Selectors["stable-service"] = "v1";
        cluster.Selectors["canary-service"] = "v2";
        await rollout.RunAsync(async () =>
        {
            await fixture.Client.StartWorkflowAsync(
                (RolloutWorkflow wf) => wf.RunAsync(new RolloutWorkflowInput("default", rollout.Name) { State = carried }),
                new WorkflowOptions(rollout.WorkflowId, rollout.TaskQueue));
            var paused = await rollout.WaitForAsync(s => s.Phase == "Paused", "the carried pause");
            Assert.Equal(("CanaryPauseStep", 1), (paused.Message, paused.Step));
            Assert.Equal(carried.Events.Select(e => e.Text), paused.Events.Select(e => e.Text));

            await rollout.Handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest()));
            await rollout.WaitForHealthyAsync(2);

            // The carried plan went on from its pause: nothing before it ran again and nothing was inserted.
            Assert.Empty(cluster.CallsOf("CheckReferences"));
            Assert.Equal(["SetAlbWeights ingress canary-service=60 stable-service=40", "SetAlbWeights ingress canary-service=100 stable-service=0", "SetAlbWeights ingress canary-service=0 stable-service=100"], cluster.CallsOf("SetAlbWeights"));

            await rollout.DeployAsync(Specs.Canary(hash: "v3", name: rollout.Name, steps: [CanaryStep.SetWeightTo(50)]));
            await rollout.WaitForHealthyAsync(3);
            Assert.Single(cluster.CallsOf("CheckReferences"));
            Assert.Empty(cluster.Violations);
        });
    }
}
