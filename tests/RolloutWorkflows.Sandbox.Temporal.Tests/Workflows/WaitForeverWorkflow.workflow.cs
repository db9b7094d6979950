namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Runs until canceled or terminated.</summary>
[Workflow("SandboxWaitForever")]
public sealed class WaitForeverWorkflow
{
    [WorkflowRun]
    public Task RunAsync() => Workflow.WaitConditionAsync(() => false);
}
