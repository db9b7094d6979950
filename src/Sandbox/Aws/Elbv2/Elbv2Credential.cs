namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A test credential accepted by the emulator.</summary>
/// <param name="AccessKeyId">Access key id.</param>
/// <param name="SecretAccessKey">Secret access key.</param>
/// <param name="AccountId">Account the key belongs to; each account has its own token bucket.</param>
/// <param name="DeniedActions">Operations answered with 403 AccessDenied for this key (IAM deny).</param>
public sealed record Elbv2Credential(string AccessKeyId, string SecretAccessKey, string AccountId, IReadOnlyCollection<string>? DeniedActions = null);
