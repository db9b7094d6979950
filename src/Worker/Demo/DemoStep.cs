namespace RolloutWorkflows.Worker.Demo;

using System.Text.Json.Serialization;

/// <summary>One step of the update: its weight, whether the weight was verified on the ALB, and how long that took.</summary>
public sealed record DemoStep(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("weight")] int? Weight,
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("secondsToVerified")] double? SecondsToVerified);
