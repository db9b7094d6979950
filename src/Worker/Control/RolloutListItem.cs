namespace RolloutWorkflows.Worker.Control;

/// <summary>One line of <c>rollouts list</c>, read from the workflow's search attributes (no worker needed).</summary>
public sealed record RolloutListItem(string Namespace, string Name, string Phase, long Revision, long CanaryWeight, DateTime Started);
