namespace RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>What users felt: totals, failures, per-revision counts and the same over time.</summary>
/// <param name="Total">Requests sent.</param>
/// <param name="Failures">Requests answered 5xx.</param>
/// <param name="ByStatus">Requests per HTTP status.</param>
/// <param name="ByReason">Requests per outcome reason (see <see cref="RequestOutcome.Reason"/>).</param>
/// <param name="ByRevision">Successful requests per Pod revision (`rollouts-pod-template-hash`).</param>
/// <param name="Samples">The same per time bucket of <see cref="TrafficSimulatorOptions.SampleWidth"/>, oldest first.</param>
public sealed record TrafficReport(
    long Total,
    long Failures,
    IReadOnlyDictionary<int, long> ByStatus,
    IReadOnlyDictionary<string, long> ByReason,
    IReadOnlyDictionary<string, long> ByRevision,
    IReadOnlyList<TrafficSample> Samples);
