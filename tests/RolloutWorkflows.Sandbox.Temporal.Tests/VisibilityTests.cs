namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Worker;

[Collection(TemporalCollection.Name)]
public sealed class VisibilityTests(TemporalFixture fixture)
{
    private readonly TemporalClient client = fixture.Client;
    private readonly string taskQueue = Contract.NewId("vis");
    private readonly string tag = Contract.NewId("tag");

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<SearchWorkflow>()
        .AddWorkflow<WaitForeverWorkflow>()
        .AddWorkflow<ActivityCaseWorkflow>()
        .AddWorkflow<ManyEventsWorkflow>()
        .AddAllActivities(new ContractActivities());

    private async Task<List<string>> ListIdsAsync(string query, int expected)
    {
        return await Contract.EventuallyAsync(
            async () =>
            {
                var ids = new List<string>();
                await foreach (var execution in client.ListWorkflowsAsync(query))
                {
                    ids.Add(execution.Id);
                }

                return ids;
            },
            ids => ids.Count == expected);
    }

    [Fact]
    public async Task Upserts_MemoAndTypedSearchAttributes_ShownByDescribe()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((SearchWorkflow wf) => wf.RunAsync(tag, 42), new(Contract.NewId("upsert"), taskQueue));
            var description = await Contract.EventuallyAsync(
                () => handle.DescribeAsync(),
                found => found.TypedSearchAttributes.ContainsKey(Contract.Keyword));

            Assert.Equal(tag, description.TypedSearchAttributes.Get(Contract.Keyword));
            Assert.Equal(42, description.TypedSearchAttributes.Get(Contract.Int));
            Assert.Equal($"memo for {tag}", await description.Memo["note"].ToValueAsync<string>());
            await handle.SignalAsync(wf => wf.FinishAsync());
            await handle.GetResultAsync();
            await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<SearchWorkflow>(), handle);
        });
    }

    [Fact]
    public async Task List_QueryOnTypeStatusAndCustomAttributes_ReturnsMatches()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var first = await client.StartWorkflowAsync((SearchWorkflow wf) => wf.RunAsync(tag, 1), new(Contract.NewId("list-a"), taskQueue));
            var second = await client.StartWorkflowAsync((SearchWorkflow wf) => wf.RunAsync(tag, 2), new(Contract.NewId("list-b"), taskQueue));
            var other = await client.StartWorkflowAsync(
                (WaitForeverWorkflow wf) => wf.RunAsync(),
                new(Contract.NewId("list-c"), taskQueue) { TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(Contract.Keyword, tag).ToSearchAttributeCollection() });
            await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND {TemporalFixture.IntAttribute} = 2", 1);
            await first.SignalAsync(wf => wf.FinishAsync());
            await first.GetResultAsync();

            var byType = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND WorkflowType = 'SandboxSearch'", 2);
            var notType = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND WorkflowType != 'SandboxSearch'", 1);
            var either = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND ({TemporalFixture.IntAttribute} = 1 OR WorkflowId = '{other.Id}')", 2);
            var completed = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND ExecutionStatus = 'Completed'", 1);
            var text = await ListIdsAsync($"{TemporalFixture.TextAttribute} = 'rollout' AND {TemporalFixture.KeywordAttribute} = '{tag}'", 2);

            Assert.Equal([first.Id, second.Id], byType.Order());
            Assert.Equal([other.Id], notType);
            Assert.Equal([first.Id, other.Id], either.Order());
            Assert.Equal([first.Id], completed);
            Assert.Equal(2, text.Count);
            await second.SignalAsync(wf => wf.FinishAsync());
            await other.TerminateAsync("test done");
        });
    }

    [Fact]
    public async Task ListAndCount_OrderByStartTime_ReturnsOrderedRunsAndCount()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "order-1", "order-2", "order-3" })
        {
            var options = new WorkflowOptions(Contract.NewId(name), taskQueue)
            {
                TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(Contract.Keyword, tag).ToSearchAttributeCollection(),
            };
            var handle = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), options);
            ids.Add(handle.Id);
        }

        var ascending = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' ORDER BY StartTime ASC", 3);
        var descending = await ListIdsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' ORDER BY StartTime DESC", 3);
        var count = await client.CountWorkflowsAsync($"{TemporalFixture.KeywordAttribute} = '{tag}' AND ExecutionStatus = 'Running'");

        Assert.Equal(ids, ascending);
        Assert.Equal(ids.AsEnumerable().Reverse(), descending);
        Assert.Equal(3, count.Count);
        foreach (var id in ids)
        {
            await client.GetWorkflowHandle(id).TerminateAsync("test done");
        }
    }

    [Fact]
    public async Task List_UnknownAttribute_RejectedAsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var execution in client.ListWorkflowsAsync("NoSuchAttribute = 'x'"))
            {
                Assert.Fail($"unexpected {execution.Id}");
            }
        });

        Assert.Equal(RpcException.StatusCode.InvalidArgument, error.Code);
    }

    [Fact]
    public async Task Describe_RunningActivityAndStaticMetadata_Shown()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var options = new WorkflowOptions(Contract.NewId("describe"), taskQueue) { StaticSummary = "Rollout of 3 steps", StaticDetails = "canary then full" };
            var handle = await client.StartWorkflowAsync((ActivityCaseWorkflow wf) => wf.RunAsync(new ActivityCase("Hang")), options);

            var raw = await Contract.EventuallyAsync(
                () => Contract.DescribeRawAsync(client, handle),
                found => found.PendingActivities.Any(activity => activity.State == PendingActivityState.Started));
            var description = await handle.DescribeAsync();

            Assert.Equal(WorkflowExecutionStatus.Running, description.Status);
            Assert.Equal("Rollout of 3 steps", await description.GetStaticSummaryAsync());
            Assert.Equal("canary then full", await description.GetStaticDetailsAsync());
            var pending = Assert.Single(raw.PendingActivities);
            Assert.Equal("Hang", pending.ActivityType.Name);
            Assert.Equal(1, pending.Attempt);
            await handle.TerminateAsync("test done");
        });
    }

    [Fact]
    public async Task FetchHistory_MoreEventsThanOnePage_ReturnsAllInOrder()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((ManyEventsWorkflow wf) => wf.RunAsync(1100), new(Contract.NewId("paging"), taskQueue));
            await handle.GetResultAsync();

            var history = await handle.FetchHistoryAsync();

            Assert.True(history.Events.Count > 1100, $"only {history.Events.Count} events");
            Assert.Equal(Enumerable.Range(1, history.Events.Count).Select(i => (long)i), history.Events.Select(e => e.EventId));
            await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<ManyEventsWorkflow>(), handle);
        });
    }
}
