namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>How many Services and Ingresses were found fit for the revision.</summary>
public sealed record CheckReferencesResult(int Services, int Ingresses);
