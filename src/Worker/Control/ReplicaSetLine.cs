namespace RolloutWorkflows.Worker.Control;

/// <summary>A rollout ReplicaSet as <c>rollouts status</c> shows it; counts are null when they could not be read.</summary>
public sealed record ReplicaSetLine(string Role, string Name, int? Desired, int? Ready, int? Available, string? Note);
