namespace RolloutWorkflows.Activities.Aws;

/// <summary>One registered target and its health, as returned by DescribeTargetHealth.</summary>
public sealed record Elbv2TargetHealth(
    string Id,
    int? Port,
    string? AvailabilityZone,
    string State,
    string? Reason,
    string? Description)
{
    /// <summary>The target as <c>id:port</c> (or just the id when no port is reported), the form endpoints are compared in.</summary>
    public string Endpoint => Port is { } port ? $"{Id}:{port}" : Id;
}
