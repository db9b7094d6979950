namespace RolloutWorkflows.Worker.Demo;

using System.Globalization;
using RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>Short texts shared by the progress views and the final summary.</summary>
public static class DemoText
{
    /// <summary><c>1200 requests, 0 failed; rev 1 80%, rev 2 20%</c> over the last sample window.</summary>
    public static string Traffic(TrafficReport report, IReadOnlyDictionary<string, string> revisionsByHash)
    {
        var recent = report.Samples.Count > 0 ? report.Samples[^1] : null;
        var shares = recent is null || recent.Total == 0
            ? ""
            : "; now " + string.Join(", ", recent.ByRevision.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"rev {RevisionOf(r.Key, revisionsByHash)} {100.0 * r.Value / recent.Total:0}%")));
        return string.Create(CultureInfo.InvariantCulture, $"{report.Total} requests, {report.Failures} failed{shares}");
    }

    /// <summary>The revision number of a pod-template hash, or the hash when unknown.</summary>
    public static string RevisionOf(string hash, IReadOnlyDictionary<string, string> revisionsByHash) =>
        revisionsByHash.TryGetValue(hash, out var revision) ? revision : hash;
}
