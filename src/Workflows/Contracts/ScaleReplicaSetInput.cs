namespace RolloutWorkflows.Workflows.Contracts;

public sealed record ScaleReplicaSetInput(string Namespace, string ReplicaSetName, int Replicas);
