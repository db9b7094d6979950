namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A listener of a load balancer.</summary>
/// <param name="Arn">Listener ARN.</param>
/// <param name="LoadBalancerArn">Owning load balancer.</param>
/// <param name="Port">Listening port.</param>
/// <param name="Protocol">`HTTP` or `HTTPS`.</param>
/// <param name="DefaultActions">Actions of the default rule.</param>
public sealed record Elbv2Listener(string Arn, string LoadBalancerArn, int Port, string Protocol, IReadOnlyList<Elbv2Action> DefaultActions);
