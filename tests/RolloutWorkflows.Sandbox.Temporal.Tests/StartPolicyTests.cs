namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class StartPolicyTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("start");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<FailingWorkflow>()
        .AddWorkflow<CounterWorkflow>();

    [Fact]
    public async Task StartWorkflow_SameIdWhileRunning_ThrowsAlreadyStartedWithRunId()
    {
        var id = Contract.NewId("dup");
        var first = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue));

        var error = await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(
            () => client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue)));
        Assert.Equal(first.ResultRunId, error.RunId);
        await first.TerminateAsync("test done");
    }

    [Fact]
    public async Task StartWorkflow_RejectDuplicateAfterClose_ThrowsAlreadyStarted()
    {
        var id = Contract.NewId("reject");
        var first = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue));
        await first.TerminateAsync("closing");

        await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() => client.StartWorkflowAsync(
            (WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue) { IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate }));
    }

    [Fact]
    public async Task StartWorkflow_AllowDuplicateFailedOnly_StartsAfterFailureOnly()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var id = Contract.NewId("failed-only");
            var failed = await client.StartWorkflowAsync((FailingWorkflow wf) => wf.RunAsync(), new(id, taskQueue));
            await Assert.ThrowsAsync<WorkflowFailedException>(() => failed.GetResultAsync());

            var options = new WorkflowOptions(id, taskQueue) { IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly };
            var second = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), options);
            await second.SignalAsync(wf => wf.FinishAsync());
            await second.GetResultAsync();

            Assert.NotEqual(failed.ResultRunId, second.ResultRunId);
            await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() => client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), options));
        });
    }

    [Fact]
    public async Task StartWorkflow_UseExistingConflictPolicy_ReturnsRunningRun()
    {
        var id = Contract.NewId("use-existing");
        var first = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue));

        var second = await client.StartWorkflowAsync(
            (WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue) { IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting });

        Assert.Equal(first.ResultRunId, second.ResultRunId);
        await first.TerminateAsync("test done");
    }

    [Fact]
    public async Task StartWorkflow_TerminateExistingConflictPolicy_TerminatesOldRun()
    {
        var id = Contract.NewId("terminate-existing");
        var first = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue));

        var second = await client.StartWorkflowAsync(
            (WaitForeverWorkflow wf) => wf.RunAsync(), new(id, taskQueue) { IdConflictPolicy = WorkflowIdConflictPolicy.TerminateExisting });

        Assert.NotEqual(first.ResultRunId, second.ResultRunId);
        Assert.Equal(WorkflowExecutionStatus.Terminated, (await client.GetWorkflowHandle(id, runId: first.ResultRunId).DescribeAsync()).Status);
        await second.TerminateAsync("test done");
    }

    [Fact]
    public async Task StartWorkflowExecution_SameRequestIdTwice_ReturnsSameRun()
    {
        var request = new StartWorkflowExecutionRequest
        {
            Namespace = client.Options.Namespace,
            WorkflowId = Contract.NewId("request-id"),
            WorkflowType = new WorkflowType { Name = "SandboxWaitForever" },
            TaskQueue = new TaskQueue { Name = taskQueue },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await client.Connection.WorkflowService.StartWorkflowExecutionAsync(request);
        var retry = await client.Connection.WorkflowService.StartWorkflowExecutionAsync(request);

        Assert.Equal(first.RunId, retry.RunId);
        await client.GetWorkflowHandle(request.WorkflowId).TerminateAsync("test done");
    }

    [Fact]
    public async Task SignalWithStart_NoRunningWorkflow_StartsWithSignalDelivered()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var options = new WorkflowOptions(Contract.NewId("sws"), taskQueue);
            options.SignalWithStart((CounterWorkflow wf) => wf.AddAsync(6));
            var handle = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), options);

            Assert.Equal(6, await handle.QueryAsync(wf => wf.Count));
            await handle.SignalAsync(wf => wf.FinishAsync());
            Assert.Equal(6, await handle.GetResultAsync());
            await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<CounterWorkflow>(), handle);
        });
    }

    [Fact]
    public async Task SignalWithStart_RunningWorkflow_SignalsSameRun()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var id = Contract.NewId("sws-existing");
            var first = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), new(id, taskQueue));
            var options = new WorkflowOptions(id, taskQueue);
            options.SignalWithStart((CounterWorkflow wf) => wf.AddAsync(2));

            var second = await client.StartWorkflowAsync((CounterWorkflow wf) => wf.RunAsync(), options);

            Assert.Equal(first.ResultRunId, second.ResultRunId);
            Assert.Equal(2, await first.QueryAsync(wf => wf.Count));
            await first.SignalAsync(wf => wf.FinishAsync());
            await first.GetResultAsync();
        });
    }
}
