namespace RolloutWorkflows.Workflows.Contracts;

public sealed record EnsureReplicaSetResult(string ReplicaSetName, bool Created);
