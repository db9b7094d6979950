namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Temporalio.Api.Enums.V1;
using Temporalio.Api.Update.V1;

/// <summary>A workflow update from admission to its outcome.</summary>
internal sealed class UpdateInfo(Request request)
{
    public string UpdateId => Request.Meta.UpdateId;

    public Request Request { get; } = request;

    public UpdateWorkflowExecutionLifecycleStage Stage { get; set; } = UpdateWorkflowExecutionLifecycleStage.Admitted;

    /// <summary>Gets or sets a value indicating whether the request is in the worker's current workflow task.</summary>
    public bool Delivered { get; set; }

    public long AcceptedEventId { get; set; }

    public Outcome? Outcome { get; set; }

    /// <summary>Gets a task completing once accepted (or finished early); faults if the run closes first.</summary>
    public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
