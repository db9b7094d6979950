namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class QueryUpdateTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("qu");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue).AddWorkflow<CounterWorkflow>();

    private static WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions().AddWorkflow<CounterWorkflow>();

    [Fact]
    public async Task Query_ClosedWorkflow_AnsweredFromHistory()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("closed-query"), taskQueue));
            await handle.SignalAsync(wf => wf.AddAsync(8));
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();

            Assert.Equal(8, await handle.QueryAsync(wf => wf.Count));
        });
    }

    [Fact]
    public async Task Query_WorkflowMetadata_ReturnsCurrentDetailsAndHandlers()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("metadata"), taskQueue));
            await handle.ExecuteUpdateAsync(wf => wf.SetAsync(3));

            var metadata = await handle.QueryAsync<WorkflowMetadata>("__temporal_workflow_metadata", []);

            Assert.Equal("count set to 3", metadata.CurrentDetails);
            Assert.Contains(metadata.Definition.SignalDefinitions, definition => definition.Name == "add");
            Assert.Contains(metadata.Definition.UpdateDefinitions, definition => definition.Name == "set");
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
        });
    }

    [Fact]
    public async Task StartUpdate_WaitForAccepted_ResultFetchedLater()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("start-update"), taskQueue));

            var update = await handle.StartUpdateAsync(wf => wf.SetAsync(11), new(WorkflowUpdateStage.Accepted));

            Assert.Equal(11, await update.GetResultAsync());
            await handle.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(11, await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task UpdateWithStart_NoRunningWorkflow_StartsItAndRunsUpdate()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var start = WithStartWorkflowOperation.Create(
                (CounterWorkflow wf) => wf.RunAsync(),
                new WorkflowOptions(Contract.NewId("update-with-start"), taskQueue) { IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting });

            var updated = await client.ExecuteUpdateWithStartWorkflowAsync((CounterWorkflow wf) => wf.SetAsync(7), new(start));

            Assert.Equal(7, updated);
            var handle = await start.GetHandleAsync();
            await handle.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(7, await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task UpdateWithStart_FailConflictPolicyOnRunningWorkflow_ThrowsAlreadyStarted()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var id = Contract.NewId("update-with-start-conflict");
            var running = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(id, taskQueue));
            var start = WithStartWorkflowOperation.Create(
                (CounterWorkflow wf) => wf.RunAsync(),
                new WorkflowOptions(id, taskQueue) { IdConflictPolicy = WorkflowIdConflictPolicy.Fail });

            await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => client.ExecuteUpdateWithStartWorkflowAsync((CounterWorkflow wf) => wf.SetAsync(7), new(start)));

            await running.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(0, await running.GetResultAsync());
        });
    }

    [Fact]
    public async Task QueryAndUpdate_WhileWorkflowTaskRuns_AnsweredAfterIt()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("in-flight"), taskQueue));
            await handle.ExecuteUpdateAsync(wf => wf.SetAsync(1));
            await handle.SignalAsync(wf => wf.SlowAddAsync(10));
            await Contract.EventuallyAsync(
                () => Contract.DescribeRawAsync(client, handle),
                description => description.PendingWorkflowTask?.State == PendingWorkflowTaskState.Started);

            var query = handle.QueryAsync(wf => wf.Count);
            var update = handle.ExecuteUpdateAsync(wf => wf.SetAsync(50));

            Assert.Equal(11, await query);
            Assert.Equal(50, await update);
            await handle.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(50, await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
