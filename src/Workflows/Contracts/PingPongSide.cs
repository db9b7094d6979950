namespace RolloutWorkflows.Workflows.Contracts;

using System.Text.Json.Serialization;

/// <summary>Which ping-pong Service is stable (Argo's <c>status.canary.stablePingPong</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PingPongSide>))]
public enum PingPongSide
{
    Ping,
    Pong,
}
