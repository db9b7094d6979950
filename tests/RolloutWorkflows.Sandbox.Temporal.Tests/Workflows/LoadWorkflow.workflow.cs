namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Two activities around a short timer: the shape of a small rollout step.</summary>
[Workflow("SandboxLoad")]
public sealed class LoadWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(int index)
    {
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) };
        var first = await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet($"a{index}"), options);
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(100));
        var second = await Workflow.ExecuteActivityAsync((ContractActivities activities) => activities.Greet($"b{index}"), options);
        return first + second;
    }
}
