namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using Temporalio.Workflows;

/// <summary>Upserts typed search attributes and memo, then waits for "finish".</summary>
[Workflow("SandboxSearch")]
public sealed class SearchWorkflow
{
    private bool finished;

    [WorkflowRun]
    public async Task RunAsync(string tag, long number)
    {
        Workflow.UpsertTypedSearchAttributes(Contract.Keyword.ValueSet(tag), Contract.Int.ValueSet(number), Contract.Text.ValueSet($"rollout of {tag}"));
        Workflow.UpsertMemo(MemoUpdate.ValueSet("note", $"memo for {tag}"));
        await Workflow.WaitConditionAsync(() => finished);
    }

    [WorkflowSignal("finish")]
    public async Task FinishAsync() => finished = true;
}
