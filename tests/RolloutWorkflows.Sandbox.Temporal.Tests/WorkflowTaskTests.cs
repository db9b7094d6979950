namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class WorkflowTaskTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("wft");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue).AddWorkflow<TaskFailureWorkflow>();

    private static WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions().AddWorkflow<TaskFailureWorkflow>();

    [Fact]
    public async Task WorkflowTask_FailsOnce_RetriedAndWorkflowCompletes()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((TaskFailureWorkflow wf) => wf.RunAsync("throw"), new(Contract.NewId("task-fail"), taskQueue));

            Assert.Equal("recovered after 2 runs", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Single(history.Events, e => e.EventType == EventType.WorkflowTaskFailed);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task WorkflowTask_OverrunsTimeout_TimedOutThenRetried()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var options = new WorkflowOptions(Contract.NewId("task-timeout"), taskQueue) { TaskTimeout = TimeSpan.FromSeconds(1) };
            var handle = await client.StartWorkflowAsync((TaskFailureWorkflow wf) => wf.RunAsync("stall"), options);

            Assert.StartsWith("recovered", await handle.GetResultAsync(), StringComparison.Ordinal);
            var history = await handle.FetchHistoryAsync();
            Assert.Contains(history.Events, e => e.EventType == EventType.WorkflowTaskTimedOut);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
