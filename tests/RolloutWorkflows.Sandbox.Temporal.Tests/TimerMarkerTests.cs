namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class TimerMarkerTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("timer");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<GreetingWorkflow>()
        .AddWorkflow<TimerCancelWorkflow>()
        .AddWorkflow<MarkersWorkflow>()
        .AddAllActivities(new ContractActivities());

    private static WorkflowReplayerOptions Replayer() => new WorkflowReplayerOptions()
        .AddWorkflow<GreetingWorkflow>()
        .AddWorkflow<TimerCancelWorkflow>()
        .AddWorkflow<MarkersWorkflow>();

    [Fact]
    public async Task Timer_WithSummary_SummaryStoredOnTimerAndActivityEvents()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((GreetingWorkflow wf) => wf.RunAsync("timer"), new(Contract.NewId("summary"), taskQueue));
            await handle.GetResultAsync();

            var history = await handle.FetchHistoryAsync();
            var timer = Assert.Single(history.Events, e => e.EventType == EventType.TimerStarted);
            var activity = Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskScheduled);
            Assert.Equal("short pause", DataConverter.Default.PayloadConverter.ToValue<string>(timer.UserMetadata.Summary));
            Assert.Equal("greet the user", DataConverter.Default.PayloadConverter.ToValue<string>(activity.UserMetadata.Summary));
            Assert.Single(history.Events, e => e.EventType == EventType.TimerFired);
        });
    }

    [Fact]
    public async Task Timer_CanceledByWorkflow_WritesTimerCanceled()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((TimerCancelWorkflow wf) => wf.RunAsync(), new(Contract.NewId("timer-cancel"), taskQueue));

            Assert.Equal("canceled", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Single(history.Events, e => e.EventType == EventType.TimerCanceled);
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }

    [Fact]
    public async Task LocalActivityAndPatch_RecordedAsMarkers()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((MarkersWorkflow wf) => wf.RunAsync(), new(Contract.NewId("markers"), taskQueue));

            Assert.Equal("Hello, local! (patched)", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            Assert.Equal(2, history.Events.Count(e => e.EventType == EventType.MarkerRecorded));
            await Contract.AssertReplaysAsync(client, Replayer(), handle);
        });
    }
}
