namespace RolloutWorkflows.Activities.Alb;

using RolloutWorkflows.Workflows.Model;

/// <summary>
/// The three Service roles of an ALB canary: the action Service (the Ingress rule's backend, after
/// which the action annotation is named), and the canary and stable target Services.
/// </summary>
public sealed record AlbServiceNames(string ActionService, string CanaryService, string StableService)
{
    /// <summary>The <c>status.canary.stablePingPong</c> value meaning "ping is stable".</summary>
    public const string Ping = "ping";

    /// <summary>The value meaning "pong is stable" (also assumed for any other value, as Argo does).</summary>
    public const string Pong = "pong";

    /// <summary>
    /// Resolves the roles for a canary (F2, F21): the action Service is rootService, else stableService;
    /// with ping-pong the stable side is ping when <paramref name="stablePingPong"/> is <c>ping</c>, and pong
    /// otherwise (including null or empty), and the other side is the canary.
    /// </summary>
    /// <exception cref="ArgumentException">The canary has no ALB routing or misses a Service (validate first).</exception>
    public static AlbServiceNames Resolve(CanaryStrategy canary, string? stablePingPong)
    {
        var action = canary.GetActionService();
        if (canary.GetAlb() is null || string.IsNullOrEmpty(action))
        {
            throw new ArgumentException("spec.strategy.canary.trafficRouting.alb: the rollout has no ALB routing or no stable/root Service", nameof(canary));
        }

        if (canary.PingPong is { } pingPong)
        {
            var ping = Required(pingPong.PingService, "pingPong.pingService");
            var pong = Required(pingPong.PongService, "pingPong.pongService");
            return stablePingPong == Ping
                ? new AlbServiceNames(action, CanaryService: pong, StableService: ping)
                : new AlbServiceNames(action, CanaryService: ping, StableService: pong);
        }

        return new AlbServiceNames(action, Required(canary.CanaryService, "canaryService"), Required(canary.StableService, "stableService"));
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"spec.strategy.canary.{field}: required", nameof(value)) : value;
}
