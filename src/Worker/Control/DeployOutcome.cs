namespace RolloutWorkflows.Worker.Control;

/// <summary>How a followed deploy ended, in one line for the CI log.</summary>
public sealed record DeployOutcome(bool Succeeded, string Text);
