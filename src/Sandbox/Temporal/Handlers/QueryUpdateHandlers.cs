namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.Update.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Client calls that wait for a worker: queries, updates, update polling and update-with-start.</summary>
internal sealed class QueryUpdateHandlers(SandboxEngine engine)
{
    internal const string Service = "WorkflowService";

    public void Register(RpcRouter router)
    {
        router.Add<QueryWorkflowRequest, QueryWorkflowResponse>(Service, "QueryWorkflow", QueryAsync);
        router.Add<UpdateWorkflowExecutionRequest, UpdateWorkflowExecutionResponse>(Service, "UpdateWorkflowExecution", UpdateAsync);
        router.Add<PollWorkflowExecutionUpdateRequest, PollWorkflowExecutionUpdateResponse>(Service, "PollWorkflowExecutionUpdate", PollUpdateAsync);
        router.Add<ExecuteMultiOperationRequest, ExecuteMultiOperationResponse>(Service, "ExecuteMultiOperation", MultiOperationAsync);
    }

    private static bool Rejects(QueryRejectCondition condition, WorkflowRun run) => condition switch
    {
        QueryRejectCondition.NotOpen => !run.IsRunning,
        QueryRejectCondition.NotCompletedCleanly => !run.IsRunning && run.Status != WorkflowExecutionStatus.Completed,
        _ => false,
    };

    private async Task<QueryWorkflowResponse> QueryAsync(QueryWorkflowRequest request, ServerCallContext context)
    {
        WorkflowRun run;
        QueryInfo query;
        lock (engine.Gate)
        {
            run = engine.GetNamespace(request.Namespace).GetRun(request.Execution.WorkflowId, request.Execution.RunId);
            if (Rejects(request.QueryRejectCondition, run))
            {
                return new QueryWorkflowResponse { QueryRejected = new QueryRejected { Status = run.Status } };
            }

            query = Queries.Add(run, request.Query);
        }

        WorkflowQueryResult result;
        try
        {
            result = await query.Result.Task.WaitAsync(LongPoll.DeadlineOf(context) - DateTime.UtcNow, context.CancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw RpcErrors.DeadlineExceeded($"query {request.Query.QueryType} timed out: no worker polling task queue {run.TaskQueue} answered it.");
        }
        finally
        {
            lock (engine.Gate)
            {
                Queries.Forget(run, query);
            }
        }

        if (result.ResultType == QueryResultType.Answered)
        {
            return new QueryWorkflowResponse { QueryResult = result.Answer };
        }

        var message = string.IsNullOrEmpty(result.ErrorMessage) ? result.Failure?.Message ?? "query failed" : result.ErrorMessage;
        throw RpcErrors.QueryFailed(message, result.Failure);
    }

    private async Task<UpdateWorkflowExecutionResponse> UpdateAsync(UpdateWorkflowExecutionRequest request, ServerCallContext context)
    {
        UpdateInfo update;
        WorkflowRun run;
        lock (engine.Gate)
        {
            run = engine.GetNamespace(request.Namespace).GetRun(request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
            update = Admit(run, request.Request);
        }

        var (stage, outcome) = await WaitAsync(update, request.WaitPolicy, context).ConfigureAwait(false);
        return new UpdateWorkflowExecutionResponse { UpdateRef = Ref(run, update), Stage = stage, Outcome = outcome };
    }

    private async Task<PollWorkflowExecutionUpdateResponse> PollUpdateAsync(PollWorkflowExecutionUpdateRequest request, ServerCallContext context)
    {
        UpdateInfo update;
        WorkflowRun run;
        lock (engine.Gate)
        {
            var execution = request.UpdateRef.WorkflowExecution;
            run = engine.GetNamespace(request.Namespace).GetRun(execution.WorkflowId, execution.RunId);
            update = Updates.Find(run, request.UpdateRef.UpdateId)
                ?? throw RpcErrors.NotFound($"update {request.UpdateRef.UpdateId} not found in workflow {execution.WorkflowId}");
        }

        var (stage, outcome) = await WaitAsync(update, request.WaitPolicy, context).ConfigureAwait(false);
        return new PollWorkflowExecutionUpdateResponse { UpdateRef = Ref(run, update), Stage = stage, Outcome = outcome };
    }

    private async Task<ExecuteMultiOperationResponse> MultiOperationAsync(ExecuteMultiOperationRequest request, ServerCallContext context)
    {
        if (request.Operations.Count != 2 || request.Operations[0].StartWorkflow is null || request.Operations[1].UpdateWorkflow is null)
        {
            throw RpcErrors.InvalidArgument("ExecuteMultiOperation supports exactly [StartWorkflow, UpdateWorkflow] (update-with-start).");
        }

        var startRequest = request.Operations[0].StartWorkflow;
        var updateRequest = request.Operations[1].UpdateWorkflow;
        WorkflowRun run;
        bool started;
        UpdateInfo update;
        lock (engine.Gate)
        {
            try
            {
                (run, started) = WorkflowStarter.Start(engine.GetNamespace(request.Namespace), startRequest, null);
            }
            catch (RpcException error)
            {
                throw RpcErrors.MultiOperation(error, 0, 2);
            }

            update = Admit(run, updateRequest.Request);
        }

        var (stage, outcome) = await WaitAsync(update, updateRequest.WaitPolicy, context).ConfigureAwait(false);
        return new ExecuteMultiOperationResponse
        {
            Responses =
            {
                new ExecuteMultiOperationResponse.Types.Response
                {
                    StartWorkflow = new StartWorkflowExecutionResponse { RunId = run.RunId, Started = started, Status = WorkflowExecutionStatus.Running },
                },
                new ExecuteMultiOperationResponse.Types.Response
                {
                    UpdateWorkflow = new UpdateWorkflowExecutionResponse { UpdateRef = Ref(run, update), Stage = stage, Outcome = outcome },
                },
            },
        };
    }

    private UpdateInfo Admit(WorkflowRun run, Request request)
    {
        var existing = Updates.Find(run, request.Meta?.UpdateId ?? "");
        if (existing is not null)
        {
            return existing;
        }

        if (!run.IsRunning)
        {
            throw RpcErrors.NotFound("workflow execution already completed");
        }

        var update = Updates.Admit(run, request);
        engine.Scheduler.Wake();
        return update;
    }

    /// <summary>Waits for the stage the caller asked for, or returns the current stage before its deadline.</summary>
    private async Task<(UpdateWorkflowExecutionLifecycleStage Stage, Outcome? Outcome)> WaitAsync(UpdateInfo update, WaitPolicy? policy, ServerCallContext context)
    {
        var target = policy?.LifecycleStage == UpdateWorkflowExecutionLifecycleStage.Completed ? update.Completed.Task : update.Accepted.Task;
        try
        {
            await target.WaitAsync(LongPoll.DeadlineOf(context) - DateTime.UtcNow, context.CancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not there yet: the SDK polls again with PollWorkflowExecutionUpdate.
        }

        lock (engine.Gate)
        {
            var stage = update.Stage == UpdateWorkflowExecutionLifecycleStage.Admitted ? UpdateWorkflowExecutionLifecycleStage.Admitted : update.Stage;
            return (stage, stage == UpdateWorkflowExecutionLifecycleStage.Completed ? update.Outcome : null);
        }
    }

    private static UpdateRef Ref(WorkflowRun run, UpdateInfo update) => new()
    {
        WorkflowExecution = new WorkflowExecution { WorkflowId = run.WorkflowId, RunId = run.RunId },
        UpdateId = update.UpdateId,
    };
}
