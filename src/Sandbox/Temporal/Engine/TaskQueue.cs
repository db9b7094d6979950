namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>
/// Tasks waiting for a poller. Pollers that find nothing wait on <see cref="Signal"/>, which completes
/// whenever a task is added; they then retry under the lock. Stale items are skipped at take time.
/// </summary>
internal sealed class TaskQueue<T>
    where T : class
{
    private readonly Queue<T> items = new();
    private TaskCompletionSource? signal;

    public Task Signal => (signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Enqueue(T item)
    {
        items.Enqueue(item);
        signal?.TrySetResult();
        signal = null;
    }

    public TResult? TryTake<TResult>(Func<T, TResult?> start)
        where TResult : class
    {
        while (items.TryDequeue(out var item))
        {
            var result = start(item);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }
}
