namespace RolloutWorkflows.Workflows.Model;

/// <summary>
/// <c>pause: {}</c> (wait for promotion) or <c>pause: {duration: ...}</c>. <see cref="Duration"/> keeps the
/// text as written (an integer becomes its decimal string); validation checks it parses.
/// </summary>
public sealed record PauseStep
{
    public string? Duration { get; init; }

    /// <summary>The timed length, or null for an indefinite pause or an unparsable duration.</summary>
    public TimeSpan? ToTimeSpan() =>
        Duration is not null && PauseDuration.TryParse(Duration, out var value) ? value : null;
}
