namespace RolloutWorkflows.Sandbox.Kubernetes.Printing;

using System.Globalization;

/// <summary>
/// Ages as kubectl prints them ("45s", "3m20s", "5h", "2d3h"): whole units, finer near now and coarser
/// with time, the rounding the apiserver's printers use for the AGE column.
/// </summary>
public static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)Math.Floor(age.TotalSeconds);
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text($"{seconds}s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return Pair(minutes, "m", seconds % 60, "s");
        }

        if (minutes < 180)
        {
            return Text($"{minutes}m");
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return Pair(hours, "h", minutes % 60, "m");
        }

        if (hours < 48)
        {
            return Text($"{hours}h");
        }

        var days = hours / 24;
        if (days < 8)
        {
            return Pair(days, "d", hours % 24, "h");
        }

        if (days < 365 * 2)
        {
            return Text($"{days}d");
        }

        return days < 365 * 8 ? Pair(days / 365, "y", days % 365, "d") : Text($"{days / 365}y");
    }

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? Text($"{major}{majorUnit}") : Text($"{major}{majorUnit}{minor}{minorUnit}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
