namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>A rule or default action: `forward` with a <see cref="Forward"/> config or `fixed-response`.</summary>
/// <param name="Type">`forward`, `fixed-response` or `redirect`.</param>
/// <param name="Order">Evaluation order, 1 for the only action.</param>
public sealed record Elbv2Action(string Type, int Order)
{
    /// <summary>Gets the weighted target groups of a forward action.</summary>
    public Elbv2ForwardConfig? Forward { get; init; }

    /// <summary>Gets the fixed response of a fixed-response action.</summary>
    public Elbv2FixedResponse? FixedResponse { get; init; }

    /// <summary>Creates a forward action over weighted target groups.</summary>
    public static Elbv2Action ForwardTo(Elbv2ForwardConfig config) => new("forward", 1) { Forward = config };

    /// <summary>Creates a fixed-response action.</summary>
    public static Elbv2Action Fixed(int statusCode, string? messageBody = null) =>
        new("fixed-response", 1) { FixedResponse = new Elbv2FixedResponse(statusCode, "text/plain", messageBody) };
}
