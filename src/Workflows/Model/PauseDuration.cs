namespace RolloutWorkflows.Workflows.Model;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// Parses <c>pause.duration</c> as Argo does: an integer is seconds (<c>30</c>, <c>"30"</c>); otherwise a Go
/// duration made of number+unit parts with units <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c> (<c>30s</c>,
/// <c>5m</c>, <c>1h30m</c>). Negative values are rejected.
/// </summary>
public static partial class PauseDuration
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Help = "use integer seconds or a duration like 30s, 5m, 1h or 1h30m";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds <= int.MaxValue;
        }

        if (!WholePattern().IsMatch(text))
        {
            return false;
        }

        double totalSeconds = 0;
        foreach (Match part in PartPattern().Matches(text))
        {
            var number = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            totalSeconds += part.Groups["u"].Value switch
            {
                "h" => number * 3600,
                "m" => number * 60,
                "s" => number,
                _ => number / 1000,
            };
        }

        if (totalSeconds > int.MaxValue)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|h|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
