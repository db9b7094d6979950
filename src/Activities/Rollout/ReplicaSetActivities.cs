namespace RolloutWorkflows.Activities.Rollout;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

/// <summary>ReplicaSet activities: thin adapters over <see cref="IReplicaSetGateway"/>.</summary>
public sealed class ReplicaSetActivities : IReplicaSetActivities
{
    private readonly IReplicaSetGateway replicaSets;

    public ReplicaSetActivities(IReplicaSetGateway replicaSets)
    {
        this.replicaSets = replicaSets;
    }

    /// <inheritdoc/>
    [Activity(Names.EnsureReplicaSet)]
    public async Task<EnsureReplicaSetResult> EnsureReplicaSetAsync(EnsureReplicaSetInput input)
    {
        if (JsonNode.Parse(input.PodTemplateJson) is not JsonObject podTemplate)
        {
            throw ActivityFailures.InvalidSpec("spec.template: not a JSON object; fix the Rollout's pod template");
        }

        var template = new ReplicaSetTemplate(
            input.Namespace, input.RolloutName, input.PodTemplateHash, input.Replicas, input.SelectorMatchLabels, podTemplate, input.Revision);
        var created = await ActivityFailures.MapNotFoundAsync(
            () => replicaSets.EnsureReplicaSetAsync(template, ActivityExecutionContext.Current.CancellationToken));
        return new EnsureReplicaSetResult(template.ReplicaSetName, created);
    }

    /// <inheritdoc/>
    [Activity(Names.ScaleReplicaSet)]
    public async Task<ScaleReplicaSetResult> ScaleReplicaSetAsync(ScaleReplicaSetInput input)
    {
        var changed = await ActivityFailures.MapNotFoundAsync(() => replicaSets.ScaleReplicaSetAsync(
            input.Namespace, input.ReplicaSetName, input.Replicas, ActivityExecutionContext.Current.CancellationToken));
        return new ScaleReplicaSetResult(input.ReplicaSetName, input.Replicas, changed);
    }

    /// <inheritdoc/>
    [Activity(Names.WaitReplicaSetAvailable)]
    public async Task<WaitReplicaSetAvailableResult> WaitReplicaSetAvailableAsync(WaitReplicaSetAvailableInput input)
    {
        var context = ActivityExecutionContext.Current;
        var poll = TimeSpan.FromSeconds(Math.Max(1, input.PollSeconds));
        while (true)
        {
            var availability = await replicaSets.GetAvailabilityAsync(input.Namespace, input.ReplicaSetName, context.CancellationToken);
            if (!availability.Exists)
            {
                throw ActivityFailures.NotFound(new KubernetesObjectNotFoundException("ReplicaSet", input.Namespace, input.ReplicaSetName));
            }

            if (availability.IsFullyAvailable)
            {
                return new WaitReplicaSetAvailableResult(input.ReplicaSetName, availability.DesiredReplicas, availability.AvailableReplicas);
            }

            context.Heartbeat($"{availability.AvailableReplicas}/{availability.DesiredReplicas} available");
            if (context.WorkerShutdownToken.IsCancellationRequested)
            {
                // Hand the wait over at once instead of holding the worker's shutdown: the retry runs on the next worker.
                throw new ApplicationFailureException($"worker shutting down while waiting for ReplicaSet {input.ReplicaSetName}; another worker resumes the wait", errorType: "WorkerShuttingDown");
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, context.WorkerShutdownToken);
            try
            {
                await Task.Delay(poll, wake.Token);
            }
            catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
            {
                // The worker is shutting down: the check above hands the wait over on the next turn.
            }
        }
    }
}
