namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>Starts a heartbeating activity, cancels it and waits for the worker to confirm.</summary>
[Workflow("SandboxCancelActivity")]
public sealed class CancelActivityWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var activity = Workflow.ExecuteActivityAsync(
            (ContractActivities activities) => activities.HeartbeatUntilCanceledAsync(),
            new ActivityOptions
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(30),
                HeartbeatTimeout = TimeSpan.FromSeconds(1),
                CancellationToken = cancel.Token,
                CancellationType = ActivityCancellationType.WaitCancellationCompleted,
            });
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(200));
        cancel.Cancel();
        try
        {
            await activity;
            return "completed";
        }
        catch (ActivityFailureException error) when (error.InnerException is CanceledFailureException)
        {
            return "canceled";
        }
    }
}
