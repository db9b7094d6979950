namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Enums.V1;

/// <summary>Executions, task queues and registered search attributes of one namespace.</summary>
internal sealed class SandboxNamespace(SandboxEngine engine, string name, IDictionary<string, IndexedValueType> searchAttributes)
{
    private readonly Dictionary<string, List<WorkflowRun>> executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskQueue<WorkflowTaskItem>> workflowQueues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskQueue<ActivityTaskItem>> activityQueues = new(StringComparer.Ordinal);

    public SandboxEngine Engine { get; } = engine;

    public string Name { get; } = name;

    public string Id { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, IndexedValueType> SearchAttributes { get; } = new(searchAttributes, StringComparer.Ordinal);

    public Dictionary<string, WorkflowRun> Runs { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets every run in start order (the visibility store).</summary>
    public List<WorkflowRun> AllRuns { get; } = [];

    public void AddRun(WorkflowRun run)
    {
        Runs.Add(run.RunId, run);
        AllRuns.Add(run);
        if (!executions.TryGetValue(run.WorkflowId, out var chain))
        {
            chain = [];
            executions.Add(run.WorkflowId, chain);
        }

        chain.Add(run);
    }

    public WorkflowRun? CurrentRun(string workflowId) =>
        executions.TryGetValue(workflowId, out var chain) ? chain[^1] : null;

    /// <summary>Finds a run by workflow id and optional run id (empty = the current run).</summary>
    public WorkflowRun GetRun(string workflowId, string? runId)
    {
        var run = string.IsNullOrEmpty(runId) ? CurrentRun(workflowId) : Runs.GetValueOrDefault(runId);
        if (run is null || run.WorkflowId != workflowId)
        {
            throw RpcErrors.NotFound($"workflow execution not found for workflow ID \"{workflowId}\" and run ID \"{runId}\"");
        }

        return run;
    }

    public TaskQueue<WorkflowTaskItem> WorkflowQueue(string queueName) => GetOrAdd(workflowQueues, queueName);

    public TaskQueue<ActivityTaskItem> ActivityQueue(string queueName) => GetOrAdd(activityQueues, queueName);

    private static TaskQueue<T> GetOrAdd<T>(Dictionary<string, TaskQueue<T>> queues, string queueName)
        where T : class
    {
        if (!queues.TryGetValue(queueName, out var queue))
        {
            queue = new TaskQueue<T>();
            queues.Add(queueName, queue);
        }

        return queue;
    }
}
