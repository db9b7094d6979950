namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using System.Diagnostics;
using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

/// <summary>Queries of a workflow that is never quiet: every query must still be answered within seconds.</summary>
[Collection(TemporalCollection.Name)]
public sealed class QueryUnderLoadTests(TemporalFixture fixture)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(10);

    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("query-load");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<BusyWorkflow>()
        .AddAllActivities(new ContractActivities());

    [Fact]
    public async Task Query_EveryWorkflowTaskFollowedByAnother_AnsweredInTime()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((BusyWorkflow wf) => wf.RunAsync(100), new(Contract.NewId("chained-tasks"), taskQueue));
            using var stop = new CancellationTokenSource();

            // Touches arrive faster than the 100 ms tasks run, so each task ends with buffered signals and
            // the next one is scheduled at once: the query can only be answered by a task it rides on.
            var touching = TouchUntilAsync(handle, TimeSpan.FromMilliseconds(20), stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            string status;
            try
            {
                status = await handle.QueryAsync(wf => wf.Status, new() { Rpc = new() { Timeout = QueryTimeout } });
            }
            finally
            {
                await stop.CancelAsync();
                await touching;
            }

            Assert.StartsWith("touches=", status, StringComparison.Ordinal);
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
        });
    }

    // Found an update accepted twice (then a nondeterminism failure) and queries never answered while query
    // tasks carried the full history and a non-zero started id; see LegacyQueryTaskTests for the task's shape.
    [Fact]
    public async Task Query_SeveralClientsWhileUpdatesSignalsAndActivitiesRun_EveryQueryAnswered()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((BusyWorkflow wf) => wf.RunAsync(5), new(Contract.NewId("query-stress"), taskQueue));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));

            var queriers = Enumerable.Range(0, 4).Select(_ => QueryUntilAsync(handle, stop.Token)).ToList();
            var load = Task.WhenAll(TouchUntilAsync(handle, TimeSpan.FromMilliseconds(30), stop.Token), AbortUntilAsync(handle, stop.Token));
            var outcomes = await Task.WhenAll(queriers);
            await load;

            Assert.Empty(outcomes.SelectMany(outcome => outcome.Failures));
            Assert.All(outcomes, outcome => Assert.True(outcome.Answered >= 10, $"only {outcome.Answered} queries answered"));
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
        });
    }

    /// <summary>Queries in a loop until stopped; collects the failures (timeouts) with how long each took.</summary>
    private static async Task<(int Answered, List<string> Failures)> QueryUntilAsync(WorkflowHandle<BusyWorkflow> handle, CancellationToken stop)
    {
        var answered = 0;
        var failures = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await handle.QueryAsync(wf => wf.Status, new() { Rpc = new() { Timeout = QueryTimeout } });
                answered++;
            }
            catch (RpcException error)
            {
                failures.Add($"after {watch.ElapsedMilliseconds} ms: {error.Code} {error.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        return (answered, failures);
    }

    private static async Task TouchUntilAsync(WorkflowHandle<BusyWorkflow> handle, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await handle.SignalAsync(wf => wf.TouchAsync());
            await Task.Delay(interval, CancellationToken.None);
        }
    }

    /// <summary>Sends abort updates one after another; every third has no reason and is rejected by the validator.</summary>
    private static async Task AbortUntilAsync(WorkflowHandle<BusyWorkflow> handle, CancellationToken stop)
    {
        for (var sent = 1; !stop.IsCancellationRequested; sent++)
        {
            if (sent % 3 == 0)
            {
                await Assert.ThrowsAsync<WorkflowUpdateFailedException>(
                    () => handle.ExecuteUpdateAsync(wf => wf.AbortAsync("")).WaitAsync(UpdateTimeout, CancellationToken.None));
            }
            else
            {
                // A bounded wait, so an update the workflow never finishes fails the test instead of hanging it.
                await handle.ExecuteUpdateAsync(wf => wf.AbortAsync($"abort-{sent}")).WaitAsync(UpdateTimeout, CancellationToken.None);
            }
        }
    }
}
