namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>
/// A workflow kept busy from outside, read by a "status" query: "touch" signals each cost a slow workflow
/// task, and "abort" updates (rejected without a reason) run activities around a timer, like a rollout's
/// abort does.
/// </summary>
[Workflow("SandboxBusy")]
public sealed class BusyWorkflow
{
    private static readonly ActivityOptions StepOptions = new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) };

    private int touches;
    private int handledTouches;
    private int aborts;
    private bool finished;

    [WorkflowQuery("status")]
    public string Status => $"touches={touches} aborts={aborts}";

    [WorkflowRun]
    public async Task<int> RunAsync(int touchTaskMillis)
    {
        while (true)
        {
            await Workflow.WaitConditionAsync(() => finished || touches != handledTouches);
            if (finished)
            {
                break;
            }

            handledTouches = touches;

            // Keeps this workflow task running, so touches sent meanwhile need another task right after it.
            Thread.Sleep(touchTaskMillis);
        }

        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        return touches;
    }

    [WorkflowSignal("touch")]
    public async Task TouchAsync() => touches++;

    [WorkflowSignal("finish")]
    public async Task FinishAsync() => finished = true;

    [WorkflowUpdate("abort")]
    public async Task<int> AbortAsync(string reason)
    {
        await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet($"abort {reason}"), StepOptions);
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(20));
        await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet($"aborted {reason}"), StepOptions);
        return ++aborts;
    }

    [WorkflowUpdateValidator(nameof(AbortAsync))]
    public void ValidateAbort(string reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            throw new ArgumentException("an abort needs a reason");
        }
    }
}
