namespace RolloutWorkflows.Worker.Demo;

using System.Globalization;
using System.Text.Json;

/// <summary>Writes the final summary as text (for people) or one JSON object (for scripts).</summary>
public static class DemoReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string ToJson(DemoSummary summary) => JsonSerializer.Serialize(summary, Json);

    public static void WriteText(DemoSummary summary, TextWriter writer)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine(string.Create(inv, $"Scenario {summary.Scenario}: {summary.Phase} at revision {summary.Revision} (stable {summary.StableRevision}) in {summary.Seconds:0.0} s{(summary.Message.Length > 0 ? " - " + summary.Message : "")}"));
        writer.WriteLine("  step  kind            weight  verified  time to verified");
        foreach (var step in summary.Steps)
        {
            writer.WriteLine(string.Create(inv, $"  {step.Index + 1,4}  {step.Kind,-14}  {(step.Weight is { } w ? w + "%" : ""),6}  {(step.Verified ? "yes" : "no"),8}  {(step.SecondsToVerified is { } t ? t.ToString("0.00 s", inv) : "")}"));
        }

        var byRevision = string.Join(", ", summary.Requests.ByRevision.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(inv, $"revision {r.Key}: {r.Value}")));
        writer.WriteLine(string.Create(inv, $"  requests: {summary.Requests.Total} total, {summary.Requests.Failed} failed ({byRevision})"));
        var byOperation = string.Join(", ", summary.Elbv2Calls.ByOperation.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => string.Create(inv, $"{o.Key} {o.Value}")));
        writer.WriteLine(string.Create(inv, $"  ELBv2 calls: {summary.Elbv2Calls.Total} ({byOperation})"));
        writer.WriteLine(summary.Succeeded
            ? "  result: OK - the expected end, and no request failed."
            : string.Create(inv, $"  result: FAILED - expected {summary.ExpectedPhase} with 0 failed requests."));
    }
}
