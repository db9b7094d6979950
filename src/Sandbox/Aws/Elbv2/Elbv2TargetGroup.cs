namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A target group; the load balancers using it are derived from the rules that forward to it.</summary>
/// <param name="Arn">Target group ARN.</param>
/// <param name="Name">Target group name (at most 32 characters).</param>
/// <param name="Protocol">`HTTP` or `HTTPS`.</param>
/// <param name="Port">Target group port (the numeric targetPort in IP mode).</param>
/// <param name="TargetType">`ip` or `instance`.</param>
public sealed record Elbv2TargetGroup(string Arn, string Name, string Protocol, int Port, string TargetType)
{
    /// <summary>Gets the VPC of the target group.</summary>
    public string VpcId { get; init; } = Elbv2Arns.DefaultVpcId;

    /// <summary>Gets the health check path.</summary>
    public string HealthCheckPath { get; init; } = "/";
}
