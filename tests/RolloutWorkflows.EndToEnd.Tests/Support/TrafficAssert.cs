namespace RolloutWorkflows.EndToEnd.Tests.Support;

using System.Globalization;
using RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>The zero-downtime claim, with what went wrong when it does not hold.</summary>
public static class TrafficAssert
{
    public static void NoFailedRequests(TrafficReport traffic)
    {
        Assert.True(traffic.Total > 0, "no request was sent");
        if (traffic.Failures > 0)
        {
            var reasons = string.Join(", ", traffic.ByReason.Select(r => $"{r.Key}={r.Value}"));
            var failing = string.Join("; ", traffic.Samples.Where(s => s.Failures > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start:HH:mm:ss.fff} {s.Failures}/{s.Total}")));
            throw new Xunit.Sdk.XunitException($"{traffic.Failures} of {traffic.Total} requests failed ({reasons}); seconds with failures: {failing}");
        }
    }
}
