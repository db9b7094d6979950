namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>Something to run at a server-clock time: a timer firing, a timeout, a retry.</summary>
internal sealed class ScheduledCallback(DateTime due, Action action)
{
    public DateTime Due { get; } = due;

    public bool IsCanceled { get; private set; }

    public void Cancel() => IsCanceled = true;

    public void Fire()
    {
        if (!IsCanceled)
        {
            IsCanceled = true;
            action();
        }
    }
}
