namespace RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>Requests of one time bucket.</summary>
/// <param name="Start">Start of the bucket.</param>
/// <param name="Total">Requests sent.</param>
/// <param name="Failures">Requests answered 5xx.</param>
/// <param name="ByRevision">Successful requests per Pod revision.</param>
public sealed record TrafficSample(DateTimeOffset Start, long Total, long Failures, IReadOnlyDictionary<string, long> ByRevision);
