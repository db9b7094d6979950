namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class ActivityTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("act");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<ActivityCaseWorkflow>()
        .AddWorkflow<CancelActivityWorkflow>()
        .AddWorkflow<CancelScheduledActivityWorkflow>()
        .AddAllActivities(new ContractActivities());

    private static WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions()
        .AddWorkflow<ActivityCaseWorkflow>()
        .AddWorkflow<CancelActivityWorkflow>()
        .AddWorkflow<CancelScheduledActivityWorkflow>();

    private async Task<(WorkflowHandle<ActivityCaseWorkflow, string?> Handle, Exception? Error, string? Result)> RunCaseAsync(ActivityCase input)
    {
        var handle = await client.StartWorkflowAsync((ActivityCaseWorkflow wf) => wf.RunAsync(input), new(Contract.NewId(input.Activity), taskQueue));
        try
        {
            return (handle, null, await handle.GetResultAsync());
        }
        catch (WorkflowFailedException error)
        {
            return (handle, error.InnerException, null);
        }
    }

    [Fact]
    public async Task Activity_FailsTwice_RetriedWithBackoffUntilThirdAttempt()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, result) = await RunCaseAsync(new ActivityCase("FailTwice"));

            Assert.Null(error);
            Assert.Equal("attempt 3", result);
            var history = await handle.FetchHistoryAsync();
            var started = Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskStarted);
            Assert.Equal(3, started.ActivityTaskStartedEventAttributes.Attempt);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_NonRetryableErrorType_FailsAfterOneAttempt()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, _) = await RunCaseAsync(new ActivityCase("FailFatal", NonRetryableType: "Fatal"));

            var activityError = Assert.IsType<ActivityFailureException>(error);
            Assert.Equal("Fatal", Assert.IsType<ApplicationFailureException>(activityError.InnerException).ErrorType);
            Assert.Equal(RetryState.NonRetryableFailure, activityError.RetryState);
            Assert.Equal(1, ContractActivities.Attempts[handle.Id]);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_StartToCloseExceeded_TimesOut()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, _) = await RunCaseAsync(new ActivityCase("Hang", StartToCloseMs: 300, MaxAttempts: 1));

            var timeout = Assert.IsType<TimeoutFailureException>(Assert.IsType<ActivityFailureException>(error).InnerException);
            Assert.Equal(TimeoutType.StartToClose, timeout.TimeoutType);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_ScheduleToCloseExceeded_TimesOut()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, _) = await RunCaseAsync(new ActivityCase("Hang", StartToCloseMs: 10_000, ScheduleToCloseMs: 400));

            var timeout = Assert.IsType<TimeoutFailureException>(Assert.IsType<ActivityFailureException>(error).InnerException);
            Assert.Equal(TimeoutType.ScheduleToClose, timeout.TimeoutType);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_NoHeartbeatWithinTimeout_TimesOutWithHeartbeatType()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, _) = await RunCaseAsync(new ActivityCase("Hang", HeartbeatMs: 300, MaxAttempts: 1));

            var timeout = Assert.IsType<TimeoutFailureException>(Assert.IsType<ActivityFailureException>(error).InnerException);
            Assert.Equal(TimeoutType.Heartbeat, timeout.TimeoutType);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_HeartbeatDetailsBeforeFailure_ReachNextAttempt()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var (handle, error, result) = await RunCaseAsync(new ActivityCase("HeartbeatThenFail", HeartbeatMs: 5000));

            Assert.Null(error);
            Assert.Equal("checkpoint-7", result);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_CanceledByWorkflow_WorkerConfirmsCancellation()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((CancelActivityWorkflow wf) => wf.RunAsync(), new(Contract.NewId("cancel-activity"), taskQueue));

            Assert.Equal("canceled", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Contains(history.Events, e => e.EventType == EventType.ActivityTaskCancelRequested);
            Assert.Contains(history.Events, e => e.EventType == EventType.ActivityTaskCanceled);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task Activity_CanceledFromASignalBeforeItStarted_CancelRecordedAndHistoryReplays()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync(
                (CancelScheduledActivityWorkflow wf) => wf.RunAsync(taskQueue + "-idle"), new(Contract.NewId("cancel-scheduled"), taskQueue));
            await Task.Delay(300);
            await handle.SignalAsync(wf => wf.GoAsync());

            Assert.Equal("Hello, after!", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Contains(history.Events, e => e.EventType == EventType.ActivityTaskCancelRequested);
            Assert.Contains(history.Events, e => e.EventType == EventType.ActivityTaskCanceled);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
