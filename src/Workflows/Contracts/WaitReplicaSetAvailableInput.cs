namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="PollSeconds">How often availability is read.</param>
public sealed record WaitReplicaSetAvailableInput(string Namespace, string ReplicaSetName, int PollSeconds);
