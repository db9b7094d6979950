namespace RolloutWorkflows.Activities.Aws;

/// <summary>Counts of ELBv2 HTTP requests per operation.</summary>
public sealed record Elbv2CallSnapshot(
    IReadOnlyDictionary<string, long> Requests,
    IReadOnlyDictionary<string, long> Throttled,
    IReadOnlyDictionary<string, long> Errors,
    long Retries)
{
    /// <summary>Gets all requests sent, every operation together.</summary>
    public long TotalRequests => Requests.Values.Sum();

    /// <summary>Requests of one operation.</summary>
    public long RequestsOf(string operation) => Requests.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>The requests made since <paramref name="earlier"/>, per operation.</summary>
    public Elbv2CallSnapshot Since(Elbv2CallSnapshot earlier) => new(
        Diff(Requests, earlier.Requests), Diff(Throttled, earlier.Throttled), Diff(Errors, earlier.Errors), Retries - earlier.Retries);

    /// <summary>One line such as <c>DescribeRules=1 DescribeTargetHealth=2 (total 3)</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Requests.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
        + $" (total {TotalRequests}, throttled {Throttled.Values.Sum()}, retries {Retries})";

    private static Dictionary<string, long> Diff(IReadOnlyDictionary<string, long> now, IReadOnlyDictionary<string, long> before) =>
        now.ToDictionary(kv => kv.Key, kv => kv.Value - (before.TryGetValue(kv.Key, out var b) ? b : 0), StringComparer.Ordinal);
}
