namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Collections.Concurrent;

/// <summary>Counts calls per operation as the emulator answered them; thread-safe.</summary>
public sealed class Elbv2Counters
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> throttled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failed = new(StringComparer.Ordinal);

    /// <summary>Gets the number of authenticated calls of every operation, throttled or not.</summary>
    public int TotalCalls => calls.Values.Sum();

    /// <summary>Gets the number of calls answered with Throttling.</summary>
    public int TotalThrottled => throttled.Values.Sum();

    /// <summary>Gets the number of calls answered with an error other than Throttling.</summary>
    public int TotalFailed => failed.Values.Sum();

    /// <summary>Gets the calls of one operation (e.g. `DescribeRules`).</summary>
    public int Calls(string operation) => calls.GetValueOrDefault(operation);

    /// <summary>Gets the throttled calls of one operation.</summary>
    public int Throttled(string operation) => throttled.GetValueOrDefault(operation);

    /// <summary>Gets the calls of one operation that failed with another error.</summary>
    public int Failed(string operation) => failed.GetValueOrDefault(operation);

    /// <summary>Gets a copy of the calls per operation.</summary>
    public IReadOnlyDictionary<string, int> CallsByOperation() => new Dictionary<string, int>(calls, StringComparer.Ordinal);

    /// <summary>Sets every counter to zero.</summary>
    public void Reset()
    {
        calls.Clear();
        throttled.Clear();
        failed.Clear();
    }

    internal void RecordCall(string operation) => calls.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void RecordThrottled(string operation) => throttled.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void RecordFailed(string operation) => failed.AddOrUpdate(operation, 1, (_, n) => n + 1);
}
