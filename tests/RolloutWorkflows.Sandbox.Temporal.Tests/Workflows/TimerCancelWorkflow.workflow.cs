namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Starts a long timer and cancels it after a short one fires.</summary>
[Workflow("SandboxTimerCancel")]
public sealed class TimerCancelWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        using var cancel = new CancellationTokenSource();
        var longTimer = Workflow.DelayAsync(TimeSpan.FromHours(1), cancel.Token);
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(20));
        cancel.Cancel();
        try
        {
            await longTimer;
            return "fired";
        }
        catch (TaskCanceledException)
        {
            return "canceled";
        }
    }
}
