namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Continues as new until the counter reaches zero.</summary>
[Workflow("SandboxContinueAsNew")]
public sealed class ContinueAsNewWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(int remaining)
    {
        if (remaining > 0)
        {
            throw Workflow.CreateContinueAsNewException((ContinueAsNewWorkflow workflow) => workflow.RunAsync(remaining - 1));
        }

        return $"done after run {Workflow.Info.RunId[..8]}";
    }
}
