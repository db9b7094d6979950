namespace RolloutWorkflows.Workflows.Contracts;

using Temporalio.Activities;

/// <summary>ReplicaSets of rollout revisions.</summary>
public interface IReplicaSetActivities
{
    /// <summary>Creates the revision's ReplicaSet unless it already exists (its replica count is then left alone).</summary>
    [Activity(Names.EnsureReplicaSet)]
    Task<EnsureReplicaSetResult> EnsureReplicaSetAsync(EnsureReplicaSetInput input);

    /// <summary>Sets a ReplicaSet's replica count.</summary>
    [Activity(Names.ScaleReplicaSet)]
    Task<ScaleReplicaSetResult> ScaleReplicaSetAsync(ScaleReplicaSetInput input);

    /// <summary>Polls (heartbeating) until every desired replica is available.</summary>
    [Activity(Names.WaitReplicaSetAvailable)]
    Task<WaitReplicaSetAvailableResult> WaitReplicaSetAvailableAsync(WaitReplicaSetAvailableInput input);
}
