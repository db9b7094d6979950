namespace RolloutWorkflows.Workflows.Contracts;

public sealed record ScaleReplicaSetResult(string ReplicaSetName, int Replicas, bool Changed);
