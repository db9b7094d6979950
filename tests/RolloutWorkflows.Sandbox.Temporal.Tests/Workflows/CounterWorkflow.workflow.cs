namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>State changed by signals and updates, read by queries; finishes on the "finish" signal.</summary>
[Workflow("SandboxCounter")]
public sealed class CounterWorkflow
{
    private int count;
    private bool finished;

    [WorkflowQuery("count")]
    public int Count => count;

    [WorkflowRun]
    public async Task<int> RunAsync()
    {
        Workflow.CurrentDetails = "waiting for signals";
        await Workflow.WaitConditionAsync(() => finished);
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        return count;
    }

    [WorkflowSignal("add")]
    public async Task AddAsync(int amount) => count += amount;

    [WorkflowSignal("slowAdd")]
    public async Task SlowAddAsync(int amount)
    {
        // Keeps this workflow task running for a while, so calls can arrive while it is in flight.
        Thread.Sleep(500);
        count += amount;
    }

    [WorkflowSignal("finish")]
    public async Task FinishAsync() => finished = true;

    [WorkflowUpdate("set")]
    public async Task<int> SetAsync(int value)
    {
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(10));
        count = value;
        Workflow.CurrentDetails = $"count set to {value}";
        return count;
    }

    [WorkflowUpdateValidator(nameof(SetAsync))]
    public void ValidateSet(int value)
    {
        if (value < 0)
        {
            throw new ArgumentException("value must not be negative");
        }
    }
}
