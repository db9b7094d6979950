namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Converters;

/// <summary>
/// The shape of a query task, seen through raw worker calls: the SDK decides from it whether the task only
/// asks a question or advances history, so it must match what the real server sends.
/// </summary>
[Collection(TemporalCollection.Name)]
public sealed class LegacyQueryTaskTests(TemporalFixture fixture)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);

    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("raw-query");

    [Fact]
    public async Task QueryTask_RunIdleAfterCompletedTask_HasStartedIdZeroAndNoHistory()
    {
        var handle = await client.StartWorkflowAsync("RawQueryTarget", [], new(Contract.NewId("idle-query"), taskQueue));
        var first = await PollAsync();
        await CompleteAsync(first);

        var query = handle.QueryAsync<string>("status", [], new() { Rpc = new() { Timeout = QueryTimeout } });
        var queryTask = await PollAsync();

        Assert.Equal("status", queryTask.Query?.QueryType);
        Assert.Equal(0, queryTask.StartedEventId);
        Assert.Equal(first.StartedEventId, queryTask.PreviousStartedEventId);
        if (!fixture.UsesRealServer)
        {
            // The real server sends the full history here, as this raw worker names no sticky queue; the sandbox
            // sends what the real server sends on the sticky queue every SDK worker uses (it has no sticky queues).
            Assert.Empty(queryTask.History.Events);
        }

        await client.Connection.WorkflowService.RespondQueryTaskCompletedAsync(new RespondQueryTaskCompletedRequest
        {
            Namespace = client.Options.Namespace,
            TaskToken = queryTask.TaskToken,
            CompletedType = QueryResultType.Answered,
            QueryResult = new Payloads { Payloads_ = { DataConverter.Default.PayloadConverter.ToPayload("idle") } },
        });
        Assert.Equal("idle", await query);
        await handle.TerminateAsync();
    }

    private async Task<PollWorkflowTaskQueueResponse> PollAsync() =>
        await client.Connection.WorkflowService.PollWorkflowTaskQueueAsync(new PollWorkflowTaskQueueRequest
        {
            Namespace = client.Options.Namespace,
            TaskQueue = new TaskQueue { Name = taskQueue, Kind = TaskQueueKind.Normal },
            Identity = "raw-worker",
        });

    private async Task CompleteAsync(PollWorkflowTaskQueueResponse task) =>
        await client.Connection.WorkflowService.RespondWorkflowTaskCompletedAsync(new RespondWorkflowTaskCompletedRequest
        {
            Namespace = client.Options.Namespace,
            TaskToken = task.TaskToken,
            Identity = "raw-worker",
        });
}
