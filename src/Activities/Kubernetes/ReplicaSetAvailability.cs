namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>What the ReplicaSet controller reports for one ReplicaSet.</summary>
public sealed record ReplicaSetAvailability(
    string Namespace,
    string Name,
    bool Exists,
    int DesiredReplicas,
    int Replicas,
    int ReadyReplicas,
    int AvailableReplicas,
    long Generation,
    long ObservedGeneration)
{
    /// <summary>True when the controller has seen the latest spec and every desired replica is available.</summary>
    public bool IsFullyAvailable =>
        Exists && ObservedGeneration >= Generation && AvailableReplicas >= DesiredReplicas && Replicas == DesiredReplicas;
}
