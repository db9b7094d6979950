namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="PollSeconds">The retry interval; the activity asks for it (with jitter) when not yet verified.</param>
public sealed record VerifyAlbWeightsInput(AlbAction Action, int CanaryWeight, int PollSeconds);
