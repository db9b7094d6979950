namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using System.Collections.Concurrent;
using Temporalio.Workflows;

/// <summary>Its first workflow task fails (a bug-like exception) or overruns its timeout; the retry succeeds.</summary>
[Workflow("SandboxTaskFailure")]
public sealed class TaskFailureWorkflow
{
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    [WorkflowRun]
    public async Task<string> RunAsync(string mode)
    {
        var run = Runs.AddOrUpdate(Workflow.Info.WorkflowId, 1, (_, count) => count + 1);
        if (run == 1 && mode == "throw")
        {
            throw new InvalidOperationException("first task hits a bug");
        }

        if (run == 1 && mode == "stall")
        {
            // Longer than the 1 s task timeout, shorter than the SDK's 2 s deadlock detection.
            Thread.Sleep(1500);
        }

        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(1));
        return $"recovered after {run} runs";
    }
}
