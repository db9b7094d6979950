namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Worker (and async-completion client) calls for activity tasks, by task token or by id.</summary>
internal sealed class ActivityHandlers(SandboxEngine engine)
{
    internal const string Service = "WorkflowService";

    public void Register(RpcRouter router)
    {
        router.Add<PollActivityTaskQueueRequest, PollActivityTaskQueueResponse>(Service, "PollActivityTaskQueue", PollAsync);
        router.Add<RespondActivityTaskCompletedRequest, RespondActivityTaskCompletedResponse>(Service, "RespondActivityTaskCompleted", request =>
            ByToken(request.TaskToken, (run, activity) => ActivityTasks.Complete(run, activity, request.Result, request.Identity), new RespondActivityTaskCompletedResponse()));
        router.Add<RespondActivityTaskFailedRequest, RespondActivityTaskFailedResponse>(Service, "RespondActivityTaskFailed", request =>
            ByToken(request.TaskToken, (run, activity) => ActivityTasks.Fail(run, activity, request.Failure, request.LastHeartbeatDetails, request.Identity), new RespondActivityTaskFailedResponse()));
        router.Add<RespondActivityTaskCanceledRequest, RespondActivityTaskCanceledResponse>(Service, "RespondActivityTaskCanceled", request =>
            ByToken(request.TaskToken, (run, activity) => ActivityTasks.Canceled(run, activity, request.Details, request.Identity), new RespondActivityTaskCanceledResponse()));
        router.Add<RecordActivityTaskHeartbeatRequest, RecordActivityTaskHeartbeatResponse>(Service, "RecordActivityTaskHeartbeat", request =>
        {
            var response = new RecordActivityTaskHeartbeatResponse();
            return ByToken(request.TaskToken, (run, activity) => response.CancelRequested = ActivityTasks.Heartbeat(run, activity, request.Details), response);
        });
        router.Add<RespondActivityTaskCompletedByIdRequest, RespondActivityTaskCompletedByIdResponse>(Service, "RespondActivityTaskCompletedById", request =>
            ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId, (run, activity) => ActivityTasks.Complete(run, activity, request.Result, request.Identity), new RespondActivityTaskCompletedByIdResponse()));
        router.Add<RespondActivityTaskFailedByIdRequest, RespondActivityTaskFailedByIdResponse>(Service, "RespondActivityTaskFailedById", request =>
            ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId, (run, activity) => ActivityTasks.Fail(run, activity, request.Failure, request.LastHeartbeatDetails, request.Identity), new RespondActivityTaskFailedByIdResponse()));
        router.Add<RespondActivityTaskCanceledByIdRequest, RespondActivityTaskCanceledByIdResponse>(Service, "RespondActivityTaskCanceledById", request =>
            ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId, (run, activity) => ActivityTasks.Canceled(run, activity, request.Details, request.Identity), new RespondActivityTaskCanceledByIdResponse()));
        router.Add<RecordActivityTaskHeartbeatByIdRequest, RecordActivityTaskHeartbeatByIdResponse>(Service, "RecordActivityTaskHeartbeatById", request =>
        {
            var response = new RecordActivityTaskHeartbeatByIdResponse();
            return ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId, (run, activity) => response.CancelRequested = ActivityTasks.Heartbeat(run, activity, request.Details), response);
        });
    }

    private async Task<PollActivityTaskQueueResponse> PollAsync(PollActivityTaskQueueRequest request, ServerCallContext context)
    {
        var response = await LongPoll.TakeAsync(
            engine, context, request.Namespace, request.TaskQueue?.Name ?? "", (ns, name) => ns.ActivityQueue(name), item => ActivityTasks.TryStart(item, request.Identity))
            .ConfigureAwait(false);
        return response ?? new PollActivityTaskQueueResponse();
    }

    private T ByToken<T>(Google.Protobuf.ByteString taskToken, Action<WorkflowRun, ActivityInfo> apply, T response)
    {
        var token = TaskToken.Decode(taskToken, TaskToken.ActivityKind);
        lock (engine.Gate)
        {
            var (run, activity) = ActivityTasks.Find(engine, token);
            apply(run, activity);
            return response;
        }
    }

    private T ById<T>(string ns, string workflowId, string runId, string activityId, Action<WorkflowRun, ActivityInfo> apply, T response)
    {
        lock (engine.Gate)
        {
            var (run, activity) = ActivityTasks.FindById(engine.GetNamespace(ns), workflowId, runId, activityId);
            apply(run, activity);
            return response;
        }
    }
}
