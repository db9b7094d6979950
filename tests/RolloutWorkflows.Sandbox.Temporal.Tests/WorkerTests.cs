namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using System.Diagnostics;
using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;
using Xunit.Abstractions;

[Collection(TemporalCollection.Name)]
public sealed class WorkerTests(TemporalFixture fixture, ITestOutputHelper output)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("worker");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<ResumableWorkflow>()
        .AddWorkflow<LoadWorkflow>()
        .AddAllActivities(new ContractActivities());

    [Fact]
    public async Task Worker_StoppedMidWorkflow_NewWorkerFinishesIt()
    {
        WorkflowHandle<ResumableWorkflow, string>? handle = null;
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            handle = await client.StartWorkflowAsync((ResumableWorkflow wf) => wf.RunAsync(), new(Contract.NewId("restart"), taskQueue));
            await Contract.EventuallyAsync(
                async () => (await handle.FetchHistoryAsync()).Events.Last().EventType,
                last => last == EventType.WorkflowTaskCompleted || last == EventType.TimerStarted);
        });

        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            await handle!.SignalAsync(wf => wf.ResumeAsync());

            Assert.Equal("Hello, before! Hello, after!", await handle.GetResultAsync());
        });
        await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<ResumableWorkflow>(), handle!);
    }

    [Fact]
    public async Task FiveHundredWorkflows_WithActivitiesAndTimer_AllComplete()
    {
        const int count = 500;
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var clock = Stopwatch.StartNew();
            var handles = await Task.WhenAll(Enumerable.Range(0, count).Select(index =>
                client.StartWorkflowAsync((LoadWorkflow wf) => wf.RunAsync(index), new(Contract.NewId($"load-{index}"), taskQueue))));
            var results = await Task.WhenAll(handles.Select(handle => handle.GetResultAsync()));
            clock.Stop();

            Assert.Equal(count, results.Count(result => result.StartsWith("Hello, a", StringComparison.Ordinal)));
            output.WriteLine($"{count} workflows in {clock.Elapsed.TotalSeconds:F1} s: {count / clock.Elapsed.TotalSeconds:F0} workflows/s");
            await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<LoadWorkflow>(), handles[0], handles[^1]);
        });
    }
}
