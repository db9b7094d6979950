namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>ReplicaSets of rollout revisions.</summary>
public interface IReplicaSetGateway
{
    /// <summary>Creates the revision's ReplicaSet unless it exists; returns true when it was created.</summary>
    Task<bool> EnsureReplicaSetAsync(ReplicaSetTemplate template, CancellationToken cancellationToken);

    /// <summary>Sets <c>spec.replicas</c>; returns true when it changed.</summary>
    Task<bool> ScaleReplicaSetAsync(string @namespace, string name, int replicas, CancellationToken cancellationToken);

    /// <summary>Reads the ReplicaSet's availability; a missing ReplicaSet has <c>Exists = false</c>.</summary>
    Task<ReplicaSetAvailability> GetAvailabilityAsync(string @namespace, string name, CancellationToken cancellationToken);
}
