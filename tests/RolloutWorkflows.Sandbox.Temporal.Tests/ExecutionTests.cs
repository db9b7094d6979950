namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class ExecutionTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("exec");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<GreetingWorkflow>()
        .AddWorkflow<CounterWorkflow>()
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<FailingWorkflow>()
        .AddWorkflow<ContinueAsNewWorkflow>()
        .AddAllActivities(new ContractActivities());

    private WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions()
        .AddWorkflow<GreetingWorkflow>()
        .AddWorkflow<CounterWorkflow>()
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<FailingWorkflow>()
        .AddWorkflow<ContinueAsNewWorkflow>();

    [Fact]
    public async Task StartWorkflow_ActivityAndTimer_ReturnsActivityResult()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((GreetingWorkflow wf) => wf.RunAsync("sandbox"), new(Contract.NewId("greet"), taskQueue));

            Assert.Equal("Hello, sandbox!", await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Signal_WaitingWorkflow_StateChangesAndResultReturned()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("signal"), taskQueue));
            await handle.SignalAsync(wf => wf.AddAsync(2));
            await handle.SignalAsync(wf => wf.AddAsync(3));
            await handle.SignalAsync(wf => wf.FinishAsync());

            Assert.Equal(5, await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Query_RunningWorkflow_ReturnsState()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("query"), taskQueue));
            await handle.SignalAsync(wf => wf.AddAsync(4));

            Assert.Equal(4, await handle.QueryAsync(wf => wf.Count));
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Update_Accepted_ReturnsHandlerResult()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("update"), taskQueue));

            Assert.Equal(9, await handle.ExecuteUpdateAsync(wf => wf.SetAsync(9)));
            await handle.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(9, await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Contains(history.Events, e => e.EventType == EventType.WorkflowExecutionUpdateCompleted);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Update_ValidatorRejects_ThrowsUpdateFailedAndLeavesNoEvent()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("reject"), taskQueue));

            var error = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync(wf => wf.SetAsync(-1)));
            Assert.Contains("must not be negative", error.InnerException?.Message, StringComparison.Ordinal);
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
            var history = await handle.FetchHistoryAsync();
            Assert.DoesNotContain(history.Events, e => e.EventType == EventType.WorkflowExecutionUpdateAccepted);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
