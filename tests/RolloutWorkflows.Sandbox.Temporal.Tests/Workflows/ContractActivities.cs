namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using System.Collections.Concurrent;
using Temporalio.Activities;
using Temporalio.Exceptions;

/// <summary>Activities whose behaviour each contract test relies on (attempt counts are kept per workflow id).</summary>
public sealed class ContractActivities
{
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    [Activity("Greet")]
    public string Greet(string name) => $"Hello, {name}!";

    [Activity("FailTwice")]
    public string FailTwice()
    {
        var attempt = ActivityExecutionContext.Current.Info.Attempt;
        return attempt < 3 ? throw new ApplicationFailureException($"attempt {attempt} fails", "Transient") : $"attempt {attempt}";
    }

    [Activity("FailFatal")]
    public string FailFatal()
    {
        Attempts.AddOrUpdate(ActivityExecutionContext.Current.Info.WorkflowId ?? "", 1, (_, count) => count + 1);
        throw new ApplicationFailureException("cannot continue", "Fatal");
    }

    [Activity("Hang")]
    public async Task HangAsync() =>
        await Task.Delay(Timeout.Infinite, ActivityExecutionContext.Current.CancellationToken);

    [Activity("HeartbeatThenFail")]
    public async Task<string> HeartbeatThenFailAsync()
    {
        var info = ActivityExecutionContext.Current.Info;
        if (info.Attempt == 1)
        {
            ActivityExecutionContext.Current.Heartbeat("checkpoint-7");
            throw new ApplicationFailureException("first attempt fails after a checkpoint", "Transient");
        }

        return await info.HeartbeatDetailAtAsync<string>(0);
    }

    [Activity("HeartbeatUntilCanceled")]
    public async Task HeartbeatUntilCanceledAsync()
    {
        var context = ActivityExecutionContext.Current;
        while (true)
        {
            context.Heartbeat();
            await Task.Delay(50, context.CancellationToken);
        }
    }
}
