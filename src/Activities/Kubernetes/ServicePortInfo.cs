namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>One port of a Service; <see cref="TargetPort"/> is a number or a container port name.</summary>
public sealed record ServicePortInfo(string? Name, int Port, string TargetPort);
