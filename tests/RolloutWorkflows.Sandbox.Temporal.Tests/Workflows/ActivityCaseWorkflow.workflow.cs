namespace RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;

using Temporalio.Common;
using Temporalio.Workflows;

/// <summary>Runs one activity by name with the options of an <see cref="ActivityCase"/>.</summary>
[Workflow("SandboxActivityCase")]
public sealed class ActivityCaseWorkflow
{
    [WorkflowRun]
    public async Task<string?> RunAsync(ActivityCase input)
    {
        var options = new ActivityOptions
        {
            StartToCloseTimeout = input.StartToCloseMs > 0 ? TimeSpan.FromMilliseconds(input.StartToCloseMs) : null,
            ScheduleToCloseTimeout = input.ScheduleToCloseMs > 0 ? TimeSpan.FromMilliseconds(input.ScheduleToCloseMs) : null,
            HeartbeatTimeout = input.HeartbeatMs > 0 ? TimeSpan.FromMilliseconds(input.HeartbeatMs) : null,
            RetryPolicy = new RetryPolicy
            {
                InitialInterval = TimeSpan.FromMilliseconds(input.InitialIntervalMs),
                BackoffCoefficient = 2,
                MaximumAttempts = input.MaxAttempts,
                NonRetryableErrorTypes = input.NonRetryableType is null ? null : [input.NonRetryableType],
            },
        };
        return await Workflow.ExecuteActivityAsync<string?>(input.Activity, [], options);
    }
}
