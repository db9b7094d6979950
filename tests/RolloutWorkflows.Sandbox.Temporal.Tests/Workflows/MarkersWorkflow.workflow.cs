namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>A local activity and a patch: both are recorded as markers.</summary>
[Workflow("SandboxMarkers")]
public sealed class MarkersWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        var greeting = await Workflow.ExecuteLocalActivityAsync(
            (ContractActivities activities) => activities.Greet("local"),
            new LocalActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
        return Workflow.Patched("sandbox-patch") ? $"{greeting} (patched)" : greeting;
    }
}
