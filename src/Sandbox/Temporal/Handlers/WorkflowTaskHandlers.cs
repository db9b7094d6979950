namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Worker calls for workflow tasks and legacy query tasks.</summary>
internal sealed class WorkflowTaskHandlers(SandboxEngine engine)
{
    internal const string Service = "WorkflowService";

    public void Register(RpcRouter router)
    {
        router.Add<PollWorkflowTaskQueueRequest, PollWorkflowTaskQueueResponse>(Service, "PollWorkflowTaskQueue", PollAsync);
        router.Add<RespondWorkflowTaskCompletedRequest, RespondWorkflowTaskCompletedResponse>(Service, "RespondWorkflowTaskCompleted", Completed);
        router.Add<RespondWorkflowTaskFailedRequest, RespondWorkflowTaskFailedResponse>(Service, "RespondWorkflowTaskFailed", Failed);
        router.Add<RespondQueryTaskCompletedRequest, RespondQueryTaskCompletedResponse>(Service, "RespondQueryTaskCompleted", QueryCompleted);
    }

    private async Task<PollWorkflowTaskQueueResponse> PollAsync(PollWorkflowTaskQueueRequest request, ServerCallContext context)
    {
        if (request.TaskQueue?.Kind == TaskQueueKind.Sticky)
        {
            // Every task goes to the normal queue with full history, so sticky pollers just idle.
            return await LongPoll.WaitAsync<PollWorkflowTaskQueueResponse>(engine, context, () => (null, Task.Delay(Timeout.Infinite, engine.Stopping)))
                .ConfigureAwait(false) ?? new PollWorkflowTaskQueueResponse();
        }

        var response = await LongPoll.TakeAsync(
            engine, context, request.Namespace, request.TaskQueue?.Name ?? "", (ns, name) => ns.WorkflowQueue(name), item => WorkflowTasks.TryStart(item, request.Identity))
            .ConfigureAwait(false);
        return response ?? new PollWorkflowTaskQueueResponse();
    }

    private RespondWorkflowTaskCompletedResponse Completed(RespondWorkflowTaskCompletedRequest request)
    {
        var token = TaskToken.Decode(request.TaskToken, TaskToken.WorkflowKind);
        lock (engine.Gate)
        {
            WorkflowTaskCompletion.Apply(WorkflowTasks.RunningTask(engine, token), request);
            return new RespondWorkflowTaskCompletedResponse();
        }
    }

    private RespondWorkflowTaskFailedResponse Failed(RespondWorkflowTaskFailedRequest request)
    {
        var token = TaskToken.Decode(request.TaskToken, TaskToken.WorkflowKind);
        lock (engine.Gate)
        {
            WorkflowTasks.Fail(WorkflowTasks.RunningTask(engine, token), request.Cause, request.Failure, request.Identity);
            return new RespondWorkflowTaskFailedResponse();
        }
    }

    private RespondQueryTaskCompletedResponse QueryCompleted(RespondQueryTaskCompletedRequest request)
    {
        var token = TaskToken.Decode(request.TaskToken, TaskToken.QueryKind);
        lock (engine.Gate)
        {
            var ns = engine.GetNamespace(token.Namespace);
            var query = ns.Runs.TryGetValue(token.RunId, out var run) ? run.Queries.Find(candidate => candidate.Id == token.QueryId) : null;
            if (run is null || query is null)
            {
                throw RpcErrors.NotFound("Query task not found.");
            }

            Queries.Resolve(run, query, new WorkflowQueryResult
            {
                ResultType = request.CompletedType,
                Answer = request.QueryResult,
                ErrorMessage = request.ErrorMessage,
                Failure = request.Failure,
            });
            return new RespondQueryTaskCompletedResponse();
        }
    }
}
