namespace RolloutWorkflows.Workflows.Contracts;

/// <summary><c>canary.pingPong</c>: two Services that swap the stable and canary roles.</summary>
public sealed record PingPongServices(string PingService, string PongService);
