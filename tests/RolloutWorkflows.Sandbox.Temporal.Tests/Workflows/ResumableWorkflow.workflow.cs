namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>An activity, a wait for "resume", another activity.</summary>
[Workflow("SandboxResumable")]
public sealed class ResumableWorkflow
{
    private bool resumed;

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10) };
        var first = await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet("before"), options);
        await Workflow.WaitConditionAsync(() => resumed);
        var second = await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet("after"), options);
        return $"{first} {second}";
    }

    [WorkflowSignal("resume")]
    public async Task ResumeAsync() => resumed = true;
}
