namespace RolloutWorkflows.Workflows.Contracts;

public sealed record ResetAlbAnnotationsResult(string Ingress, bool Changed);
