namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>Short human durations for summaries: <c>30s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
public static class DurationText
{
    public static string Format(int seconds)
    {
        if (seconds <= 0)
        {
            return "0s";
        }

        var time = TimeSpan.FromSeconds(seconds);
        var text = (time.Days * 24) + time.Hours > 0 ? $"{(time.Days * 24) + time.Hours}h" : "";
        text += time.Minutes > 0 ? $"{time.Minutes}m" : "";
        text += time.Seconds > 0 ? $"{time.Seconds}s" : "";
        return text;
    }
}
