namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;

/// <summary>
/// Query delivery: attached to the next workflow task when one is scheduled or running (the worker answers
/// in its completion), otherwise sent alone as a legacy query task.
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

    /// <summary>
    /// Hands out a legacy query task shaped as the real server shapes one for a worker that caches the run:
    /// started id 0 and no history, so the SDK answers from the state it cached at the last completed task.
    /// </summary>
    public static PollWorkflowTaskQueueResponse? TryStartQueryTask(WorkflowRun run, QueryInfo query)
    {
        if (query.Delivery != QueryDelivery.QueryTask || !run.Queries.Contains(query))
        {
            return null;
        }

        var response = WorkflowTasks.NewResponse(run, new TaskToken(TaskToken.QueryKind, run.Namespace.Name, run.RunId, 0, 0, query.Id));
        response.Query = query.Query;
        response.PreviousStartedEventId = run.LastCompletedStartedEventId;

        // Started id 0 is how the SDK tells a query-only task from one that advances history: with any other
        // value it buffers the query task as a real task, and a later task replaces it, so the query is
        // never answered.
        response.StartedEventId = 0;

        // Without sticky queues this would be the full history, which the SDK (its run still cached) feeds to
        // its state machines, replaying the last task's commands: it then runs an update accepted in that task
        // a second time, and the next task fails as nondeterministic. An empty history is what the real server
        // sends on the sticky queue; a worker that lost the run fetches the history itself.
        response.History.Events.Clear();
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
