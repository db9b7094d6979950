namespace RolloutWorkflows.Worker.Demo;

using System.Text.Json.Serialization;

/// <summary>Synthetic requests through the emulated ALB while the rollout ran.</summary>
public sealed record DemoRequests
{
    [JsonPropertyName("total")]
    public long Total { get; init; }

    [JsonPropertyName("failed")]
    public long Failed { get; init; }

    /// <summary>Successful requests per revision number (pods are labelled with their pod-template hash; mapped back to the revision).</summary>
    [JsonPropertyName("byRevision")]
    public IReadOnlyDictionary<string, long> ByRevision { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Requests per outcome: <c>ok</c>; <c>stale-target</c> (served by a live old Pod the target group still listed after
    /// its Service moved on); failures such as <c>target-not-ready-pod</c> (the Pod is gone) or <c>no-registered-targets</c>.
    /// </summary>
    [JsonPropertyName("byReason")]
    public IReadOnlyDictionary<string, long> ByReason { get; init; } = new Dictionary<string, long>();
}
