namespace RolloutWorkflows.Sandbox.Temporal.Tests.Support;

using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Worker;

/// <summary>Helpers shared by contract tests: unique names, a worker around a test body, replay checks.</summary>
public static class Contract
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="body"/> while a worker polls <paramref name="options"/>' task queue.</summary>
    public static async Task RunWorkerAsync(ITemporalClient client, TemporalWorkerOptions options, Func<Task> body)
    {
        using var worker = new TemporalWorker(client, options);
        await worker.ExecuteAsync(body);
    }

    /// <summary>Fetches every run of each workflow (following continue-as-new) and replays it; nondeterminism throws.</summary>
    public static async Task AssertReplaysAsync(TemporalClient client, WorkflowReplayerOptions options, params WorkflowHandle[] handles)
    {
        var replayer = new WorkflowReplayer(options);
        foreach (var start in handles)
        {
            var handle = start;
            while (true)
            {
                var history = await handle.FetchHistoryAsync();
                await replayer.ReplayWorkflowAsync(history);
                var last = history.Events.Last();
                if (last.EventType != EventType.WorkflowExecutionContinuedAsNew)
                {
                    break;
                }

                handle = client.GetWorkflowHandle(handle.Id, runId: last.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId);
            }
        }
    }

    /// <summary>The raw DescribeWorkflowExecution answer (pending activities and workflow task).</summary>
    public static async Task<DescribeWorkflowExecutionResponse> DescribeRawAsync(TemporalClient client, WorkflowHandle handle) =>
        await client.Connection.WorkflowService.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest
        {
            Namespace = client.Options.Namespace,
            Execution = new Temporalio.Api.Common.V1.WorkflowExecution { WorkflowId = handle.Id, RunId = handle.ResultRunId ?? "" },
        });

    /// <summary>Polls until <paramref name="condition"/> holds (visibility on a real server is eventually consistent).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    public static SearchAttributeKey<string> Keyword => SearchAttributeKey.CreateKeyword(TemporalFixture.KeywordAttribute);

    public static SearchAttributeKey<long> Int => SearchAttributeKey.CreateLong(TemporalFixture.IntAttribute);

    public static SearchAttributeKey<string> Text => SearchAttributeKey.CreateText(TemporalFixture.TextAttribute);
}
