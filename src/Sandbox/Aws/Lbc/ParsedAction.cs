namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The result of reading an `actions.&lt;name&gt;` annotation: a forward, a fixed response, or an error.</summary>
/// <param name="Error">Why the annotation is unusable; null when it is valid.</param>
/// <param name="Tuples">Weighted target groups of a forward action.</param>
/// <param name="StickinessEnabled">Target group stickiness.</param>
/// <param name="StickinessDurationSeconds">Stickiness duration.</param>
/// <param name="FixedResponse">The fixed response of a fixed-response action.</param>
public sealed record ParsedAction(string? Error, IReadOnlyList<ForwardTuple> Tuples, bool StickinessEnabled, int? StickinessDurationSeconds, Elbv2FixedResponse? FixedResponse)
{
    /// <summary>Creates an invalid result.</summary>
    public static ParsedAction Invalid(string error) => new(error, [], false, null, null);
}
