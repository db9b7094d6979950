namespace RolloutWorkflows.Workflows.Contracts;

public sealed record SetAlbWeightsResult(string Ingress, bool Changed);
