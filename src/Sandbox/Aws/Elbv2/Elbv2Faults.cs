namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Faults injected into every call (after authentication), on top of the token bucket.</summary>
/// <param name="ThrottleShare">Share of calls (0..1) answered with Throttling.</param>
/// <param name="ServerErrorShare">Share of calls (0..1) answered with 500 InternalFailure.</param>
/// <param name="Latency">Delay added before every answer.</param>
public sealed record Elbv2Faults(double ThrottleShare = 0, double ServerErrorShare = 0, TimeSpan Latency = default)
{
    /// <summary>Gets no faults at all.</summary>
    public static Elbv2Faults None { get; } = new();

    /// <summary>Checks the shares are within 0..1.</summary>
    public Elbv2Faults Validate()
    {
        if (ThrottleShare is < 0 or > 1 || ServerErrorShare is < 0 or > 1)
        {
            throw new ArgumentException($"Faults: ThrottleShare ({ThrottleShare}) and ServerErrorShare ({ServerErrorShare}) must be between 0 and 1.");
        }

        return Latency < TimeSpan.Zero ? throw new ArgumentException($"Faults: Latency ({Latency}) must not be negative.") : this;
    }
}
