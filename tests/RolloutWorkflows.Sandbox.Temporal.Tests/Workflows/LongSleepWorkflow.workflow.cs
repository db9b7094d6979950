namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Sleeps an hour of workflow time and reports how much workflow time passed.</summary>
[Workflow("SandboxLongSleep")]
public sealed class LongSleepWorkflow
{
    [WorkflowRun]
    public async Task<double> RunAsync()
    {
        var start = Workflow.UtcNow;
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        return (Workflow.UtcNow - start).TotalMinutes;
    }
}
