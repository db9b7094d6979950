namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class LifecycleTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("life");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<CounterWorkflow>()
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<FailingWorkflow>()
        .AddWorkflow<ContinueAsNewWorkflow>();

    private static WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions()
        .AddWorkflow<CounterWorkflow>()
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<FailingWorkflow>()
        .AddWorkflow<ContinueAsNewWorkflow>();

    [Fact]
    public async Task GetResult_CalledBeforeClose_WaitsForCloseEvent()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("long-poll"), taskQueue));
            var result = handle.GetResultAsync();
            await handle.SignalAsync(wf => wf.AddAsync(1));
            await handle.SignalAsync(wf => wf.FinishAsync());

            Assert.Equal(1, await result);
        });
    }

    [Fact]
    public async Task Cancel_RunningWorkflow_EndsCanceled()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(Contract.NewId("cancel"), taskQueue));
            await handle.CancelAsync();

            var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.IsType<CanceledFailureException>(error.InnerException);
            Assert.Equal(WorkflowExecutionStatus.Canceled, (await handle.DescribeAsync()).Status);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Terminate_RunningWorkflow_EndsTerminated()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(Contract.NewId("terminate"), taskQueue));
            await handle.SignalAsync(wf => wf.AddAsync(1));
            await handle.TerminateAsync("operator stopped it");

            var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.IsType<TerminatedFailureException>(error.InnerException);
            Assert.Equal(WorkflowExecutionStatus.Terminated, (await handle.DescribeAsync()).Status);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Fail_ApplicationError_RaisesWorkflowFailedWithType()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((FailingWorkflow wf) => wf.RunAsync(), new(Contract.NewId("fail"), taskQueue));

            var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var inner = Assert.IsType<ApplicationFailureException>(error.InnerException);
            Assert.Equal("BoomType", inner.ErrorType);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task ContinueAsNew_ThreeTimes_ResultFollowsChain()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((ContinueAsNewWorkflow wf) => wf.RunAsync(3), new(Contract.NewId("can"), taskQueue));

            var result = await handle.GetResultAsync();

            Assert.StartsWith("done after run", result, StringComparison.Ordinal);
            Assert.DoesNotContain(handle.ResultRunId![..8], result, StringComparison.Ordinal);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
