namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>An activity, then a short timer with a summary.</summary>
[Workflow("SandboxGreeting")]
public sealed class GreetingWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string name)
    {
        var greeting = await Workflow.ExecuteActivityAsync(
            (ContractActivities activities) => activities.Greet(name),
            new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10), Summary = "greet the user" });
        await Workflow.DelayWithOptionsAsync(new DelayOptions(TimeSpan.FromMilliseconds(50), "short pause"));
        return greeting;
    }
}
