namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Query.V1;

/// <summary>A client query waiting for a worker's answer.</summary>
internal sealed class QueryInfo(WorkflowQuery query)
{
    public string Id { get; } = Guid.NewGuid().ToString();

    public WorkflowQuery Query { get; } = query;

    public QueryDelivery Delivery { get; set; }

    public TaskCompletionSource<WorkflowQueryResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>How a query reaches a worker: attached to the next workflow task, or as its own legacy query task.</summary>
internal enum QueryDelivery
{
    Pending,
    AttachedToTask,
    QueryTask,
}
