namespace RolloutWorkflows.Workflows.Model;

/// <summary><c>spec.strategy</c>: exactly one of <see cref="Canary"/> or <see cref="BlueGreen"/> (checked by validation).</summary>
public sealed record RolloutStrategy
{
    public CanaryStrategy? Canary { get; init; }

    public BlueGreenStrategy? BlueGreen { get; init; }
}
