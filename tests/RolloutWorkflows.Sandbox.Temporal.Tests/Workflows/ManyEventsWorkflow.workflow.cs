namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Workflows;

/// <summary>Writes more than a history page of events in one task (one memo upsert each).</summary>
[Workflow("SandboxManyEvents")]
public sealed class ManyEventsWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Workflow.UpsertMemo(MemoUpdate.ValueSet("step", i));
        }

        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(1));
        return count;
    }
}
