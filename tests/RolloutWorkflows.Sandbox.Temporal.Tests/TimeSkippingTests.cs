namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using Google.Protobuf.WellKnownTypes;
using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.TestService.V1;
using Temporalio.Client;
using Temporalio.Worker;

/// <summary>
/// Time skipping is a sandbox feature (like the SDK's time-skipping test server), so these tests always
/// start their own in-process sandbox with it on, even when TEMPORAL_TEST_ADDRESS points at a real server.
/// </summary>
public sealed class TimeSkippingTests : IAsyncLifetime
{
    private readonly string taskQueue = Contract.NewId("skip");
    private TemporalSandboxServer server = null!;
    private TemporalClient client = null!;

    public async Task InitializeAsync()
    {
        server = await TemporalSandboxServer.StartAsync(new TemporalSandboxOptions { TimeSkipping = true }, CancellationToken.None);
        client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private TemporalWorkerOptions Worker() => new TemporalWorkerOptions(taskQueue)
        .AddWorkflow<LongSleepWorkflow>()
        .AddWorkflow<ActivityCaseWorkflow>()
        .AddAllActivities(new ContractActivities());

    [Fact]
    public async Task Timer_OneHour_FiresOnSkippedClockAndWorkflowTimeFollows()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var handle = await client.StartWorkflowAsync((LongSleepWorkflow wf) => wf.RunAsync(), new(Contract.NewId("sleep"), taskQueue));
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var minutes = await handle.GetResultAsync(rpcOptions: new() { CancellationToken = limit.Token });

            Assert.InRange(minutes, 60, 61);
            await Contract.AssertReplaysAsync(client, new WorkflowReplayerOptions().AddWorkflow<LongSleepWorkflow>(), handle);
        });
    }

    [Fact]
    public async Task ActivityRetry_OneHourBackoff_SkippedUntilThirdAttempt()
    {
        await Contract.RunWorkerAsync(client, Worker(), async () =>
        {
            var input = new ActivityCase("FailTwice", InitialIntervalMs: 3_600_000);
            var handle = await client.StartWorkflowAsync((ActivityCaseWorkflow wf) => wf.RunAsync(input), new(Contract.NewId("backoff"), taskQueue));
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            Assert.Equal("attempt 3", await handle.GetResultAsync(rpcOptions: new() { CancellationToken = limit.Token }));
        });
    }

    [Fact]
    public async Task TestServiceSleep_TwoHours_AdvancesServerClock()
    {
        var before = (await client.Connection.TestService.GetCurrentTimeAsync(new Empty())).Time.ToDateTime();

        await client.Connection.TestService.SleepAsync(new SleepRequest { Duration = Duration.FromTimeSpan(TimeSpan.FromHours(2)) });

        var after = (await client.Connection.TestService.GetCurrentTimeAsync(new Empty())).Time.ToDateTime();
        Assert.True(after - before >= TimeSpan.FromHours(2), $"clock moved only {after - before}");
    }
}
