namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>
/// Schedules an activity no worker polls for, then, when signalled, cancels it (still scheduled, never started) and
/// runs another one: the shape of a rollout whose first action is interrupted by a new revision.
/// </summary>
[Workflow("SandboxCancelScheduledActivity")]
public sealed class CancelScheduledActivityWorkflow
{
    private bool go;

    [WorkflowRun]
    public async Task<string> RunAsync(string idleQueue)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var stuck = Workflow.ExecuteActivityAsync(
            (ContractActivities activities) => activities.Greet("nobody"),
            new ActivityOptions { TaskQueue = idleQueue, StartToCloseTimeout = TimeSpan.FromSeconds(30), CancellationToken = cancel.Token });
        await Workflow.WaitConditionAsync(() => go);
        cancel.Cancel();
        try
        {
            await stuck;
        }
        catch (Temporalio.Exceptions.ActivityFailureException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        return await Workflow.ExecuteActivityAsync(
            (ContractActivities activities) => activities.Greet("after"), new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
    }

    [WorkflowSignal("Go")]
    public Task GoAsync()
    {
        go = true;
        return Task.CompletedTask;
    }
}
