namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A target and its health at the time it was read, as DescribeTargetHealth reports it.</summary>
/// <param name="Id">Target id (pod IP in IP mode).</param>
/// <param name="Port">Target port.</param>
/// <param name="AvailabilityZone">Zone of the target, if known.</param>
/// <param name="State">`initial|healthy|unhealthy|unused|draining`.</param>
/// <param name="Reason">Reason code, null when healthy.</param>
/// <param name="Description">Human description, null when healthy.</param>
public sealed record Elbv2TargetHealth(string Id, int Port, string? AvailabilityZone, string State, string? Reason, string? Description);
