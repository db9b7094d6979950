namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Start requests: validation, request-id de-duplication, id reuse and id conflict policies.</summary>
internal static class WorkflowStarter
{
    private static TimeSpan MaxTaskTimeout => TimeSpan.FromSeconds(120);

    /// <summary>Starts a run or returns the one the policies select; Started is false when an existing run is used.</summary>
    public static (WorkflowRun Run, bool Started) Start(SandboxNamespace ns, StartWorkflowExecutionRequest request, Action<WorkflowRun>? beforeFirstTask)
    {
        Validate(ns, request);
        var current = ns.CurrentRun(request.WorkflowId);
        if (current is not null)
        {
            if (request.RequestId.Length > 0 && current.RequestIds.Contains(request.RequestId))
            {
                return (current, true);
            }

            if (current.IsRunning)
            {
                var conflict = request.WorkflowIdConflictPolicy;
                if (conflict == WorkflowIdConflictPolicy.UseExisting)
                {
                    return (current, false);
                }

                if (conflict == WorkflowIdConflictPolicy.TerminateExisting || IsLegacyTerminateIfRunning(request.WorkflowIdReusePolicy))
                {
                    Lifecycle.Terminate(current, "terminated by a new start of the same workflow id", null, request.Identity);
                }
                else
                {
                    throw AlreadyStarted(current, $"Workflow execution is already running. WorkflowId: {current.WorkflowId}, RunId: {current.RunId}.");
                }
            }
            else if (request.WorkflowIdReusePolicy == WorkflowIdReusePolicy.RejectDuplicate)
            {
                throw AlreadyStarted(current, $"Workflow execution already finished and WorkflowIdReusePolicy is RejectDuplicate. WorkflowId: {current.WorkflowId}, RunId: {current.RunId}.");
            }
            else if (request.WorkflowIdReusePolicy == WorkflowIdReusePolicy.AllowDuplicateFailedOnly
                && current.Status is WorkflowExecutionStatus.Completed or WorkflowExecutionStatus.ContinuedAsNew)
            {
                throw AlreadyStarted(current, $"Workflow execution already finished successfully and WorkflowIdReusePolicy is AllowDuplicateFailedOnly. WorkflowId: {current.WorkflowId}, RunId: {current.RunId}.");
            }
        }

        var runId = Guid.NewGuid().ToString();
        var run = Lifecycle.StartRun(
            ns,
            request.WorkflowId,
            runId,
            runId,
            ToStartedAttributes(ns.Engine, request),
            request.UserMetadata,
            request.RequestId,
            HistoryEvents.ToTimeSpan(request.WorkflowStartDelay),
            beforeFirstTask);
        return (run, true);
    }

    private static WorkflowExecutionStartedEventAttributes ToStartedAttributes(SandboxEngine engine, StartWorkflowExecutionRequest request)
    {
        var taskTimeout = HistoryEvents.ToTimeSpan(request.WorkflowTaskTimeout);
        if (taskTimeout <= TimeSpan.Zero)
        {
            taskTimeout = engine.Options.DefaultWorkflowTaskTimeout;
        }

        return new WorkflowExecutionStartedEventAttributes
        {
            WorkflowType = request.WorkflowType,
            TaskQueue = HistoryEvents.NormalQueue(request.TaskQueue.Name),
            Input = request.Input,
            WorkflowExecutionTimeout = request.WorkflowExecutionTimeout,
            WorkflowRunTimeout = request.WorkflowRunTimeout,
            WorkflowTaskTimeout = HistoryEvents.ToDuration(taskTimeout < MaxTaskTimeout ? taskTimeout : MaxTaskTimeout),
            Identity = request.Identity,
            RetryPolicy = request.RetryPolicy,
            CronSchedule = request.CronSchedule,
            Memo = request.Memo,
            SearchAttributes = request.SearchAttributes,
            Header = request.Header,
            ContinuedFailure = request.ContinuedFailure,
            LastCompletionResult = request.LastCompletionResult,
            Priority = request.Priority,
        };
    }

    private static void Validate(SandboxNamespace ns, StartWorkflowExecutionRequest request)
    {
        if (string.IsNullOrEmpty(request.WorkflowId))
        {
            throw RpcErrors.InvalidArgument("workflow_id is required.");
        }

        if (string.IsNullOrEmpty(request.WorkflowType?.Name))
        {
            throw RpcErrors.InvalidArgument("workflow_type.name is required.");
        }

        if (string.IsNullOrEmpty(request.TaskQueue?.Name))
        {
            throw RpcErrors.InvalidArgument("task_queue.name is required.");
        }

        SearchAttributeValues.RequireRegistered(ns, request.SearchAttributes);
    }

    // Older SDKs still send the deprecated reuse policy that meant "terminate the running one".
#pragma warning disable CS0612
    private static bool IsLegacyTerminateIfRunning(WorkflowIdReusePolicy policy) => policy == WorkflowIdReusePolicy.TerminateIfRunning;
#pragma warning restore CS0612

    private static Grpc.Core.RpcException AlreadyStarted(WorkflowRun current, string message) =>
        RpcErrors.AlreadyStarted(message, current.StartRequestId, current.RunId);
}
