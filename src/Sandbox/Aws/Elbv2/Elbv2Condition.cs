namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A rule condition such as `path-pattern` or `host-header` with its values.</summary>
/// <param name="Field">Condition field (`host-header|path-pattern|http-header|http-request-method|query-string|source-ip`).</param>
/// <param name="Values">Values; any one matching satisfies the condition.</param>
public sealed record Elbv2Condition(string Field, IReadOnlyList<string> Values);
