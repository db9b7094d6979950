namespace RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>What one apply of the desired model changed in the ELBv2 store.</summary>
/// <param name="TargetsRegistered">Targets registered (they start `initial`).</param>
/// <param name="TargetsDeregistered">Targets deregistered (they start `draining`).</param>
/// <param name="RemovedLoadBalancers">ARNs of load balancers deleted because their Ingress is gone.</param>
/// <param name="RemovedTargetGroups">ARNs of target groups deleted because no Ingress uses them any more.</param>
public sealed record AlbApplyResult(int TargetsRegistered, int TargetsDeregistered, IReadOnlyList<string> RemovedLoadBalancers, IReadOnlyList<string> RemovedTargetGroups);
