namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>Read-side calls: history (paged, long-polled for the close event), describe, list and count.</summary>
internal sealed class VisibilityHandlers(SandboxEngine engine)
{
    internal const string Service = "WorkflowService";

    public void Register(RpcRouter router)
    {
        router.Add<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>(Service, "GetWorkflowExecutionHistory", HistoryAsync);
        router.Add<DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse>(Service, "DescribeWorkflowExecution", Describe);
        router.Add<ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse>(Service, "ListWorkflowExecutions", request =>
        {
            var response = new ListWorkflowExecutionsResponse();
            response.NextPageToken = List(request.Namespace, request.Query, request.PageSize, request.NextPageToken, response.Executions);
            return response;
        });
        router.Add<ScanWorkflowExecutionsRequest, ScanWorkflowExecutionsResponse>(Service, "ScanWorkflowExecutions", request =>
        {
            var response = new ScanWorkflowExecutionsResponse();
            response.NextPageToken = List(request.Namespace, request.Query, request.PageSize, request.NextPageToken, response.Executions);
            return response;
        });
        router.Add<CountWorkflowExecutionsRequest, CountWorkflowExecutionsResponse>(Service, "CountWorkflowExecutions", request =>
        {
            lock (engine.Gate)
            {
                var ns = engine.GetNamespace(request.Namespace);
                return new CountWorkflowExecutionsResponse { Count = VisibilityQuery.Parse(request.Query, ns).Apply(ns.AllRuns).LongCount() };
            }
        });
    }

    private static int ReadToken(ByteString token) =>
        token.IsEmpty ? 0 : int.TryParse(token.ToStringUtf8(), CultureInfo.InvariantCulture, out var index) ? index : throw RpcErrors.InvalidArgument("next_page_token is not one this server issued.");

    private static ByteString Token(int index) => ByteString.CopyFromUtf8(index.ToString(CultureInfo.InvariantCulture));

    private static WorkflowExecutionInfo Info(WorkflowRun run)
    {
        var info = new WorkflowExecutionInfo
        {
            Execution = new Temporalio.Api.Common.V1.WorkflowExecution { WorkflowId = run.WorkflowId, RunId = run.RunId },
            Type = new Temporalio.Api.Common.V1.WorkflowType { Name = run.WorkflowType },
            StartTime = HistoryEvents.ToTimestamp(run.StartTime),
            ExecutionTime = HistoryEvents.ToTimestamp(run.ExecutionTime),
            Status = run.Status,
            HistoryLength = run.History.Count,
            HistorySizeBytes = run.History.Sum(historyEvent => (long)historyEvent.CalculateSize()),
            Memo = run.Memo.Clone(),
            SearchAttributes = run.SearchAttributes.Clone(),
            TaskQueue = run.TaskQueue,
            FirstRunId = run.FirstRunId,
        };
        if (run.CloseTime is { } closed)
        {
            info.CloseTime = HistoryEvents.ToTimestamp(closed);
            info.ExecutionDuration = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(closed - run.ExecutionTime);
        }

        return info;
    }

    private static PendingActivityInfo Pending(ActivityInfo activity)
    {
        var pending = new PendingActivityInfo
        {
            ActivityId = activity.ActivityId,
            ActivityType = activity.Attributes.ActivityType,
            State = activity.CancelRequested ? PendingActivityState.CancelRequested
                : activity.State == ActivityState.Started ? PendingActivityState.Started : PendingActivityState.Scheduled,
            HeartbeatDetails = activity.HeartbeatDetails,
            Attempt = activity.Attempt,
            MaximumAttempts = activity.Attributes.RetryPolicy?.MaximumAttempts ?? 0,
            ScheduledTime = HistoryEvents.ToTimestamp(activity.CurrentAttemptScheduledTime),
            LastFailure = activity.LastFailure,
            LastWorkerIdentity = activity.StartedIdentity,
        };
        if (activity.StartedTime is { } started)
        {
            pending.LastStartedTime = HistoryEvents.ToTimestamp(started);
        }

        if (activity.LastHeartbeatTime is { } heartbeat)
        {
            pending.LastHeartbeatTime = HistoryEvents.ToTimestamp(heartbeat);
        }

        if (activity.NextAttemptTime is { } next)
        {
            pending.NextAttemptScheduleTime = HistoryEvents.ToTimestamp(next);
        }

        return pending;
    }

    private async Task<GetWorkflowExecutionHistoryResponse> HistoryAsync(GetWorkflowExecutionHistoryRequest request, ServerCallContext context)
    {
        WorkflowRun run;
        lock (engine.Gate)
        {
            run = engine.GetNamespace(request.Namespace).GetRun(request.Execution.WorkflowId, request.Execution.RunId);
        }

        var start = ReadToken(request.NextPageToken);
        var closeOnly = request.HistoryEventFilterType == HistoryEventFilterType.CloseEvent;
        var pageSize = request.MaximumPageSize > 0 ? request.MaximumPageSize : engine.Options.HistoryPageSize;
        var response = await LongPoll.WaitAsync(engine, context, () =>
        {
            var ready = closeOnly ? !run.IsRunning : !request.WaitNewEvent || !run.IsRunning || run.History.Count > start;
            return (ready ? Page(run, closeOnly, start, pageSize) : null, run.Changed);
        }).ConfigureAwait(false);

        // Still waiting at the deadline: an empty page with a token makes the SDK poll again.
        return response ?? new GetWorkflowExecutionHistoryResponse { History = new History(), NextPageToken = Token(start) };
    }

    private static GetWorkflowExecutionHistoryResponse Page(WorkflowRun run, bool closeOnly, int start, int pageSize)
    {
        var response = new GetWorkflowExecutionHistoryResponse { History = new History() };
        if (closeOnly)
        {
            response.History.Events.Add(run.History[^1]);
            return response;
        }

        var end = Math.Min(run.History.Count, start + pageSize);
        for (var i = start; i < end; i++)
        {
            response.History.Events.Add(run.History[i]);
        }

        if (end < run.History.Count)
        {
            response.NextPageToken = Token(end);
        }

        return response;
    }

    private DescribeWorkflowExecutionResponse Describe(DescribeWorkflowExecutionRequest request)
    {
        lock (engine.Gate)
        {
            var run = engine.GetNamespace(request.Namespace).GetRun(request.Execution.WorkflowId, request.Execution.RunId);
            var response = new DescribeWorkflowExecutionResponse
            {
                WorkflowExecutionInfo = Info(run),
                ExecutionConfig = new WorkflowExecutionConfig
                {
                    TaskQueue = HistoryEvents.NormalQueue(run.TaskQueue),
                    DefaultWorkflowTaskTimeout = HistoryEvents.ToDuration(run.TaskTimeout),
                    UserMetadata = run.UserMetadata,
                },
            };
            response.PendingActivities.AddRange(run.Activities.Values.Select(Pending));
            if (run.TaskState != WorkflowTaskState.None)
            {
                response.PendingWorkflowTask = new PendingWorkflowTaskInfo
                {
                    State = run.TaskState == WorkflowTaskState.Started ? PendingWorkflowTaskState.Started : PendingWorkflowTaskState.Scheduled,
                    ScheduledTime = HistoryEvents.ToTimestamp(run.TaskScheduledTime),
                    StartedTime = run.TaskState == WorkflowTaskState.Started ? HistoryEvents.ToTimestamp(run.TaskStartedTime) : null,
                    Attempt = run.TaskAttempt,
                };
            }

            return response;
        }
    }

    private ByteString List(string ns, string query, int pageSize, ByteString token, Google.Protobuf.Collections.RepeatedField<WorkflowExecutionInfo> into)
    {
        lock (engine.Gate)
        {
            var state = engine.GetNamespace(ns);
            var start = ReadToken(token);
            var size = pageSize > 0 ? pageSize : 1000;
            var matches = VisibilityQuery.Parse(query, state).Apply(state.AllRuns).Skip(start).Take(size + 1).ToList();
            into.AddRange(matches.Take(size).Select(Info));
            return matches.Count > size ? Token(start + size) : ByteString.Empty;
        }
    }
}
