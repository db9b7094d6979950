namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The server's clock: wall time plus an offset that only grows when time is skipped. Every event
/// timestamp comes from here, so <c>Workflow.UtcNow</c> in workers follows it.
/// </summary>
internal sealed class SandboxClock
{
    private TimeSpan offset;
    private DateTime last = DateTime.MinValue;

    public DateTime Now
    {
        get
        {
            // Never run backwards, even if the wall clock does: histories must have ordered timestamps.
            var now = DateTime.UtcNow + offset;
            if (now < last)
            {
                now = last;
            }

            last = now;
            return now;
        }
    }

    public Timestamp NowTimestamp => Timestamp.FromDateTime(Now);

    public void AdvanceTo(DateTime target)
    {
        var now = Now;
        if (target > now)
        {
            offset += target - now;
        }
    }
}
