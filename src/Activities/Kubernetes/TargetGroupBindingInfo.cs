namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>A TargetGroupBinding: which target group receives which Service port's endpoints.</summary>
/// <param name="ServicePort">The <c>serviceRef.port</c> as written: a number or a port name.</param>
public sealed record TargetGroupBindingInfo(
    string Namespace,
    string Name,
    string TargetGroupArn,
    string? TargetType,
    string ServiceName,
    string ServicePort)
{
    /// <summary>IP mode registers pod IPs, which is what target verification can check.</summary>
    public bool IsIpMode => string.Equals(TargetType, "ip", StringComparison.OrdinalIgnoreCase);
}
