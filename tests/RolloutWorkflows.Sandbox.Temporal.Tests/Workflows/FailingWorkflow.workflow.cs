namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>Fails the workflow with an application error.</summary>
[Workflow("SandboxFailing")]
public sealed class FailingWorkflow
{
    [WorkflowRun]
    public Task RunAsync() => throw new ApplicationFailureException("boom", "BoomType");
}
