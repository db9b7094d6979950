namespace RolloutWorkflows.Workflows.Model;

/// <summary>
/// One canary step. Exactly one member is set (checked by validation); one record with nullable
/// members instead of a class hierarchy keeps System.Text.Json round-trips trivial.
/// </summary>
public sealed record RolloutStep
{
    public int? SetWeight { get; init; }

    public PauseStep? Pause { get; init; }

    public SetCanaryScaleStep? SetCanaryScale { get; init; }

    /// <summary>A short human form, e.g. <c>setWeight: 20</c>, <c>pause: 10s</c>, <c>pause: {}</c>.</summary>
    public override string ToString()
    {
        if (SetWeight is { } weight)
        {
            return $"setWeight: {weight}";
        }

        if (Pause is { } pause)
        {
            return pause.Duration is null ? "pause: {}" : $"pause: {pause.Duration}";
        }

        if (SetCanaryScale is { } scale)
        {
            return scale.ToString();
        }

        return "(empty step)";
    }
}
