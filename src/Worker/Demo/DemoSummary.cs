namespace RolloutWorkflows.Worker.Demo;

using System.Text.Json.Serialization;

/// <summary>What <c>rollouts demo</c> reports at the end (and prints as one JSON object with <c>--output json</c>).</summary>
public sealed record DemoSummary
{
    [JsonPropertyName("scenario")]
    public string Scenario { get; init; } = "";

    [JsonPropertyName("phase")]
    public string Phase { get; init; } = "";

    [JsonPropertyName("expectedPhase")]
    public string ExpectedPhase { get; init; } = "";

    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    [JsonPropertyName("revision")]
    public long Revision { get; init; }

    [JsonPropertyName("stableRevision")]
    public long StableRevision { get; init; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; init; }

    [JsonPropertyName("steps")]
    public IReadOnlyList<DemoStep> Steps { get; init; } = [];

    [JsonPropertyName("requests")]
    public DemoRequests Requests { get; init; } = new();

    [JsonPropertyName("elbv2Calls")]
    public DemoCalls Elbv2Calls { get; init; } = new();

    /// <summary>The scenario reached its expected end and no request failed.</summary>
    [JsonPropertyName("succeeded")]
    public bool Succeeded => Phase == ExpectedPhase && Requests.Failed == 0 && Requests.Total > 0;
}
