namespace RolloutWorkflows.Workflows.Contracts;

/// <summary><c>stickinessConfig</c> when enabled.</summary>
public sealed record StickinessSpec(int DurationSeconds);
