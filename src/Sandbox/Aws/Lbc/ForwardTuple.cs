namespace RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>One target group of a forward action annotation: a Service port or an explicit target group ARN.</summary>
/// <param name="ServiceName">Service name, when the tuple names a Service.</param>
/// <param name="ServicePort">Service port (number normalised to digits, or a port name).</param>
/// <param name="TargetGroupArn">Explicit target group ARN, when given instead of a Service.</param>
/// <param name="Weight">Weight as written (0..999).</param>
public sealed record ForwardTuple(string? ServiceName, string? ServicePort, string? TargetGroupArn, int Weight);
