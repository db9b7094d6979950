namespace RolloutWorkflows.Worker.Cli;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>Durations on the command line as people write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, or plain seconds.</summary>
public static partial class CliDurations
{
    /// <summary>Parses <paramref name="text"/>; null when it is not a duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(Part(match.Groups["h"]), Part(match.Groups["m"]), Part(match.Groups["s"]));
    }

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex DurationPattern();
}
