namespace RolloutWorkflows.Worker.Demo;

using System.Text.Json.Serialization;

/// <summary>ELBv2 API calls the worker made (counted by the emulator, per operation).</summary>
public sealed record DemoCalls
{
    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("byOperation")]
    public IReadOnlyDictionary<string, int> ByOperation { get; init; } = new Dictionary<string, int>();
}
