namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>
/// Query delivery: attached to the next workflow task when one is scheduled or running (the worker answers
/// in its completion), otherwise sent alone as a legacy query task with full history.
/// </summary>
internal static class Queries
{
    public static QueryInfo Add(WorkflowRun run, WorkflowQuery query)
    {
        var info = new QueryInfo(query);
        run.Queries.Add(info);
        if (run.TaskState == WorkflowTaskState.None)
        {
            DispatchPending(run);
        }

        return info;
    }

    /// <summary>Sends every query still waiting for a task as its own query task.</summary>
    public static void DispatchPending(WorkflowRun run)
    {
        foreach (var query in run.Queries.Where(query => query.Delivery == QueryDelivery.Pending))
        {
            query.Delivery = QueryDelivery.QueryTask;
            run.Namespace.WorkflowQueue(run.TaskQueue).Enqueue(new WorkflowTaskItem(run, 0, query));
        }
    }

    public static PollWorkflowTaskQueueResponse? TryStartQueryTask(WorkflowRun run, QueryInfo query)
    {
        if (query.Delivery != QueryDelivery.QueryTask || !run.Queries.Contains(query))
        {
            return null;
        }

        var response = WorkflowTasks.NewResponse(run, new TaskToken(TaskToken.QueryKind, run.Namespace.Name, run.RunId, 0, 0, query.Id));
        response.Query = query.Query;
        response.PreviousStartedEventId = run.LastCompletedStartedEventId;
        response.StartedEventId = run.LastCompletedStartedEventId;
        response.Attempt = 1;
        return response;
    }

    /// <summary>
    /// Answers queries that were attached to a completed workflow task; unanswered ones wait again. Call it
    /// before the task ends, while the queries it carried are still marked as attached.
    /// </summary>
    public static void AnswerAttached(WorkflowRun run, IDictionary<string, WorkflowQueryResult> results)
    {
        foreach (var query in run.Queries.Where(query => query.Delivery == QueryDelivery.AttachedToTask).ToList())
        {
            if (results.TryGetValue(query.Id, out var result))
            {
                Resolve(run, query, result);
            }
            else
            {
                query.Delivery = QueryDelivery.Pending;
            }
        }
    }

    public static void Resolve(WorkflowRun run, QueryInfo query, WorkflowQueryResult result)
    {
        run.Queries.Remove(query);
        query.Result.TrySetResult(result);
        run.Engine.Scheduler.Wake();
    }

    public static void Forget(WorkflowRun run, QueryInfo query)
    {
        run.Queries.Remove(query);
        run.Engine.Scheduler.Wake();
    }
}
