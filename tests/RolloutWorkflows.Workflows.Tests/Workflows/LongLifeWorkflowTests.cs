namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Tests.Planning;
using Temporalio.Api.Enums.V1;

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
}
