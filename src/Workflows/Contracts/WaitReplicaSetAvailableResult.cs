namespace RolloutWorkflows.Workflows.Contracts;

public sealed record WaitReplicaSetAvailableResult(string ReplicaSetName, int DesiredReplicas, int AvailableReplicas);
