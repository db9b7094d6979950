namespace RolloutWorkflows.Worker.Demo;

using System.Globalization;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Turns the rollout's event stream (from the Status query, polled) into per-step results: when each weight was
/// set and when it was verified on the load balancer. Times are wall-clock times at which the poll first saw each
/// event (so they stay true under time skipping, where workflow time jumps); their resolution is the poll interval.
/// </summary>
public sealed class StepTracker
{
    private readonly IReadOnlyList<CanaryStep> steps;
    private readonly string updateStarted;
    private readonly List<RolloutEvent> events = [];
    private readonly HashSet<(DateTime, string)> seen = [];

    public StepTracker(RolloutRevision revision, long number)
    {
        steps = revision.Spec.Canary?.Steps ?? [];
        updateStarted = string.Create(CultureInfo.InvariantCulture, $"revision {number} ({revision.PodTemplateHash}): update started");
    }

    /// <summary>Every distinct event seen so far, oldest first.</summary>
    public IReadOnlyList<RolloutEvent> Events => events;

    /// <summary>Adds the events of a status seen at <paramref name="now"/> (the query returns the last few; duplicates are ignored).</summary>
    public void Observe(RolloutStatus status, DateTime now)
    {
        foreach (var e in status.Events)
        {
            if (seen.Add((e.At, e.Text)))
            {
                events.Add(e with { At = now });
            }
        }
    }

    /// <summary>The steps of the update so far, plus the final 100 % (canary) or the promotion (blue-green).</summary>
    public IReadOnlyList<DemoStep> Steps()
    {
        var start = events.FindIndex(e => e.Text == updateStarted);
        var update = start < 0 ? [] : events.Skip(start).ToList();
        var result = new List<DemoStep>();
        var cursor = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Kind == CanaryStepKind.SetWeight && step.Weight is { } weight)
            {
                result.Add(Weighted(update, ref cursor, i, "setWeight", weight));
            }
            else
            {
                var completed = update.Any(e => e.Text.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Rollout step {i + 1}/"), StringComparison.Ordinal));
                result.Add(new DemoStep(i, step.Kind == CanaryStepKind.Pause ? "pause" : "setCanaryScale", step.Weight, completed, null));
            }
        }

        if (steps.Count > 0)
        {
            result.Add(Weighted(update, ref cursor, steps.Count, "full", 100));
        }

        // Promotion: from pointing the stable (or active) Service at the new pods to the revision marked stable,
        // which takes the target-registration check (and, for a canary, the verified move back to stable).
        var stable = update.FindIndex(e => e.Text.Contains(") is stable", StringComparison.Ordinal));
        var switched = stable < 0 ? -1 : update.FindLastIndex(stable, e => e.Text.StartsWith("point Service ", StringComparison.Ordinal));
        result.Add(new DemoStep(result.Count, "promote", null, stable >= 0, switched < 0 ? null : Seconds(update[switched].At, update[stable].At)));
        return result;
    }

    private static DemoStep Weighted(List<RolloutEvent> update, ref int cursor, int index, string kind, int weight)
    {
        var set = FindFrom(update, cursor, e => e.Text == string.Create(CultureInfo.InvariantCulture, $"setWeight {weight}%"));
        if (set < 0)
        {
            return new DemoStep(index, kind, weight, false, null);
        }

        var verified = FindFrom(update, set, e => e.Text == string.Create(CultureInfo.InvariantCulture, $"weight {weight}% verified"));
        if (verified < 0)
        {
            return new DemoStep(index, kind, weight, false, null);
        }

        cursor = verified + 1;
        return new DemoStep(index, kind, weight, true, Seconds(update[set].At, update[verified].At));
    }

    private static int FindFrom(List<RolloutEvent> events, int from, Predicate<RolloutEvent> match)
    {
        for (var i = from; i < events.Count; i++)
        {
            if (match(events[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static double Seconds(DateTime from, DateTime to) => Math.Round((to - from).TotalSeconds, 2);
}
