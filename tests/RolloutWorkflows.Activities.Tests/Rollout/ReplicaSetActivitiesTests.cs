namespace RolloutWorkflows.Activities.Tests.Rollout;

using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Activities.Tests.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;
using Temporalio.Testing;

/// <summary>The availability wait through Temporal's ActivityEnvironment against the Kubernetes sandbox.</summary>
public sealed class ReplicaSetActivitiesTests
{
    [Fact]
    public async Task WaitReplicaSetAvailable_WorkerShuttingDown_HandsTheWaitOverAtOnceAsARetryableFailure()
    {
        await using var cluster = SandboxCluster.Create();
        await cluster.ReplicaSets.EnsureReplicaSetAsync(
            new ReplicaSetTemplate("default", "web", "abc123", 2, new Dictionary<string, string> { ["app"] = "web" }, Manifests.PodTemplate, 1), CancellationToken.None);
        var activities = new ReplicaSetActivities(cluster.ReplicaSets);
        var environment = new ActivityEnvironment();
        await environment.WorkerShutdownTokenSource.CancelAsync();

        // Controllers never run here, so the ReplicaSet stays unavailable: without the shutdown the wait would go on.
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            environment.RunAsync(() => activities.WaitReplicaSetAvailableAsync(new WaitReplicaSetAvailableInput("default", "web-abc123", 60))));

        Assert.Equal("WorkerShuttingDown", failure.ErrorType);
        Assert.False(failure.NonRetryable);
    }
}
