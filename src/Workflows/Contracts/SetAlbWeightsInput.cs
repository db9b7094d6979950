namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="CanaryWeight">Weight to the canary; the stable gets the rest.</param>
public sealed record SetAlbWeightsInput(AlbAction Action, int CanaryWeight);
