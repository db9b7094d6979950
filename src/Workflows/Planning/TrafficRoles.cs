namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>Which Service is canary and which is stable in the ALB action.</summary>
public sealed record TrafficRoles(string CanaryService, string StableService)
{
    /// <summary>
    /// The roles for a stable ping-pong side (B9): with ping-pong the stable side's Service is stable and the
    /// other is canary; otherwise <c>stableService</c>/<c>canaryService</c>.
    /// </summary>
    public static TrafficRoles For(CanarySpec canary, PingPongSide stableSide)
    {
        if (canary.PingPong is { } pingPong)
        {
            return stableSide == PingPongSide.Ping
                ? new TrafficRoles(pingPong.PongService, pingPong.PingService)
                : new TrafficRoles(pingPong.PingService, pingPong.PongService);
        }

        return new TrafficRoles(canary.CanaryService ?? "", canary.StableService ?? "");
    }

    /// <summary>The other side.</summary>
    public static PingPongSide Flip(PingPongSide side) => side == PingPongSide.Ping ? PingPongSide.Pong : PingPongSide.Ping;
}
