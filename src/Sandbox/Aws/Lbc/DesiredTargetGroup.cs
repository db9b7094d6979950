namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A target group the controller should have, with its tracking tags and the targets to register.</summary>
/// <param name="TargetGroup">The target group.</param>
/// <param name="Tags">Exactly the LBC tracking tags: cluster, stack and resource.</param>
/// <param name="ServiceNamespace">Namespace of the backing Service.</param>
/// <param name="ServiceName">Name of the backing Service.</param>
/// <param name="ServicePort">Service port as written in the Ingress or action (number or name).</param>
/// <param name="Targets">Ready endpoints of the Service (IP mode: pod IP and container port).</param>
public sealed record DesiredTargetGroup(
    Elbv2TargetGroup TargetGroup,
    IReadOnlyDictionary<string, string> Tags,
    string ServiceNamespace,
    string ServiceName,
    string ServicePort,
    IReadOnlyList<Elbv2TargetId> Targets);
