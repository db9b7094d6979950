namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A target address (id and port).</summary>
/// <param name="Id">Target id (pod IP in IP mode).</param>
/// <param name="Port">Target port.</param>
public sealed record Elbv2TargetId(string Id, int Port)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id}:{Port}";
}
