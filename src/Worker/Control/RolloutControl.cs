namespace RolloutWorkflows.Worker.Control;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Rollout;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

/// <summary>
/// What CI and operators do to rollouts, over the real Temporal client: deploy a revision (signal-with-start),
/// send the operator updates, read the <c>Status</c> query and list rollouts from their search attributes.
/// The CLI, the demo and the end-to-end tests all go through here, so they exercise the same calls.
/// </summary>
public sealed class RolloutControl
{
    private readonly ITemporalClient client;
    private readonly string taskQueue;

    public RolloutControl(ITemporalClient client, string taskQueue)
    {
        this.client = client;
        this.taskQueue = taskQueue;
    }

    /// <summary>How long a query or update may wait for a worker before the CLI says none is answering.</summary>
    public TimeSpan WorkerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Signal-with-start: starts the rollout's workflow if needed and hands it the revision.</summary>
    public async Task DeployAsync(RolloutRevision revision, CancellationToken cancellationToken = default)
    {
        var ns = revision.Spec.Namespace;
        var name = revision.Spec.Name;
        var options = new WorkflowOptions(RolloutIds.WorkflowId(ns, name), taskQueue)
        {
            StaticSummary = revision.Spec.Describe(),
            TypedSearchAttributes = RolloutWorkflow.StartAttributes(ns, name),
            Rpc = new RpcOptions { CancellationToken = cancellationToken },
        };
        options.SignalWithStart((RolloutWorkflow wf) => wf.DeployAsync(revision));
        await client.StartWorkflowAsync((RolloutWorkflow wf) => wf.RunAsync(new RolloutWorkflowInput(ns, name)), options);
    }

    /// <summary>The rollout's <c>Status</c> query.</summary>
    /// <exception cref="RolloutNotFoundException">No workflow for this rollout.</exception>
    public async Task<RolloutStatus> StatusAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        var handle = Handle(@namespace, name);
        return await WithWorkerAsync(
            @namespace,
            name,
            token => handle.QueryAsync(wf => wf.Status, new WorkflowQueryOptions { Rpc = WorkerRpc(token) }),
            cancellationToken);
    }

    /// <summary>True while the rollout's latest run is open (false once it was deleted).</summary>
    public async Task<bool> IsRunningAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        await ExecutionStatusAsync(@namespace, name, cancellationToken) == WorkflowExecutionStatus.Running;

    /// <summary>The Temporal status of the rollout's latest run.</summary>
    public async Task<WorkflowExecutionStatus> ExecutionStatusAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var description = await Handle(@namespace, name).DescribeAsync(new WorkflowDescribeOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
            return description.Status;
        }
        catch (RpcException error) when (error.Code == RpcException.StatusCode.NotFound)
        {
            throw NotFound(@namespace, name, error);
        }
    }

    /// <summary>
    /// The status as a person should read it once the workflow has ended: the query still answers with the last
    /// state (a delete in progress), so say what actually happened to the rollout.
    /// </summary>
    public static RolloutStatus Ended(RolloutStatus status, WorkflowExecutionStatus execution) => execution switch
    {
        WorkflowExecutionStatus.Running => status,
        WorkflowExecutionStatus.Completed => status with { Phase = "Deleted", Message = "deleted: its ALB actions were reset to stable and its workflow has ended" },
        WorkflowExecutionStatus.Canceled => status with { Phase = "Deleted", Message = "cancelled: its ALB actions were reset to stable and its workflow has ended" },
        _ => status with { Phase = "Ended", Message = $"its workflow ended ({execution}) without resetting the ALB actions; check the Ingress annotations" },
    };

    /// <summary>Sends an operator command; returns the workflow's reply.</summary>
    /// <exception cref="RolloutCommandRejectedException">The workflow refused it (its reason is the message).</exception>
    /// <exception cref="RolloutNotFoundException">No running workflow for this rollout.</exception>
    public async Task<string> SendAsync(string @namespace, string name, RolloutCommand command, string? reason = null, CancellationToken cancellationToken = default)
    {
        var handle = Handle(@namespace, name);
        try
        {
            return await WithWorkerAsync(@namespace, name, token => UpdateAsync(handle, command, reason, new WorkflowUpdateOptions { Rpc = WorkerRpc(token) }), cancellationToken);
        }
        catch (WorkflowUpdateFailedException failed)
        {
            throw new RolloutCommandRejectedException(failed.InnerException?.Message ?? failed.Message, failed);
        }
    }

    /// <summary>Open rollouts, optionally of one Kubernetes namespace, from the search attributes (no worker needed).</summary>
    public async Task<IReadOnlyList<RolloutListItem>> ListAsync(string? @namespace, CancellationToken cancellationToken = default)
    {
        var query = $"WorkflowType = '{Names.WorkflowType}' AND ExecutionStatus = 'Running'";
        if (!string.IsNullOrEmpty(@namespace))
        {
            query += $" AND {Names.RolloutNamespaceAttribute} = '{@namespace.Replace("'", "", StringComparison.Ordinal)}'";
        }

        var items = new List<RolloutListItem>();
        var options = new WorkflowListOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } };
        await foreach (var execution in client.ListWorkflowsAsync(query, options).WithCancellation(cancellationToken))
        {
            var attributes = execution.TypedSearchAttributes;
            items.Add(new RolloutListItem(
                attributes.TryGetValue(RolloutWorkflow.NamespaceAttribute, out var ns) ? ns : "",
                attributes.TryGetValue(RolloutWorkflow.NameAttribute, out var name) ? name : execution.Id,
                attributes.TryGetValue(RolloutWorkflow.PhaseAttribute, out var phase) ? phase : "",
                attributes.TryGetValue(RolloutWorkflow.RevisionAttribute, out var revision) ? revision : 0,
                attributes.TryGetValue(RolloutWorkflow.CanaryWeightAttribute, out var weight) ? weight : 0,
                execution.StartTime));
        }

        return [.. items.OrderBy(i => i.Namespace, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];
    }

    private static RolloutNotFoundException NotFound(string @namespace, string name, Exception inner) =>
        new($"rollout {@namespace}/{name} not found: no workflow {RolloutIds.WorkflowId(@namespace, name)}; deploy it first with `rollouts deploy -f ROLLOUT`, or check -n and the Temporal namespace", inner);

    private WorkflowHandle<RolloutWorkflow> Handle(string @namespace, string name) =>
        client.GetWorkflowHandle<RolloutWorkflow>(RolloutIds.WorkflowId(@namespace, name));

    private static Task<string> UpdateAsync(WorkflowHandle<RolloutWorkflow> handle, RolloutCommand command, string? reason, WorkflowUpdateOptions options) => command switch
    {
        RolloutCommand.Promote => handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest(false)), options),
        RolloutCommand.PromoteFull => handle.ExecuteUpdateAsync(wf => wf.PromoteAsync(new PromoteRequest(true)), options),
        RolloutCommand.Abort => handle.ExecuteUpdateAsync(wf => wf.AbortAsync(new AbortRequest(reason ?? "aborted by an operator")), options),
        RolloutCommand.Pause => handle.ExecuteUpdateAsync(wf => wf.PauseAsync(), options),
        RolloutCommand.Resume => handle.ExecuteUpdateAsync(wf => wf.ResumeAsync(), options),
        RolloutCommand.Retry => handle.ExecuteUpdateAsync(wf => wf.RetryAsync(), options),
        RolloutCommand.Delete => handle.ExecuteUpdateAsync(wf => wf.DeleteAsync(), options),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown command"),
    };

    /// <summary>
    /// Runs a call that needs a worker to answer (query, update) under <see cref="WorkerTimeout"/>, and turns the
    /// server's and the clock's refusals into errors a person can act on.
    /// </summary>
    private async Task<T> WithWorkerAsync<T>(string @namespace, string name, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WorkerTimeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (RpcException error) when (error.Code == RpcException.StatusCode.NotFound)
        {
            throw NotFound(@namespace, name, error);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && NoWorkerAnswered(error, timeout.IsCancellationRequested))
        {
            throw new TimeoutException(
                $"no worker answered within {WorkerTimeout.TotalSeconds:0} s for rollout {@namespace}/{name} (task queue {taskQueue}): is `rollouts worker` running against this Temporal namespace?",
                error);
        }
    }

    /// <summary>The call's gRPC deadline is the worker timeout too, so the server stops waiting when we do.</summary>
    private RpcOptions WorkerRpc(CancellationToken token) => new() { CancellationToken = token, Timeout = WorkerTimeout };

    /// <summary>
    /// Our own clock ran out, or the server gave up first: Temporal answers DeadlineExceeded when no worker took the
    /// query or update in time, which can be before <see cref="WorkerTimeout"/> (the server keeps a margin).
    /// </summary>
    private static bool NoWorkerAnswered(Exception error, bool ourTimeoutFired) => error switch
    {
        RpcException { Code: RpcException.StatusCode.DeadlineExceeded } => true,
        OperationCanceledException or RpcException { Code: RpcException.StatusCode.Cancelled } => ourTimeoutFired,
        _ => false,
    };
}
