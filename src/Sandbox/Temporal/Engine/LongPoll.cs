namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using Grpc.Core;

/// <summary>The long-poll loop shared by task polls, history waits and update waits.</summary>
internal static class LongPoll
{
    private static TimeSpan MaxPoll => TimeSpan.FromSeconds(60);

    private static TimeSpan Margin => TimeSpan.FromSeconds(1);

    /// <summary>
    /// Calls <paramref name="attempt"/> under the engine lock until it returns a result; in between waits
    /// for the task it hands out. Returns null shortly before the caller's deadline or when the call ends.
    /// </summary>
    public static async Task<T?> WaitAsync<T>(SandboxEngine engine, ServerCallContext context, Func<(T? Result, Task Changed)> attempt)
        where T : class
    {
        var deadline = DeadlineOf(context);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, engine.Stopping);
        while (true)
        {
            Task changed;
            lock (engine.Gate)
            {
                var (result, next) = attempt();
                if (result is not null)
                {
                    return result;
                }

                changed = next;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await changed.WaitAsync(remaining, cancel.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>Long-polls one task queue of a namespace: hands out the first item that still starts, else waits for more.</summary>
    public static async Task<TResponse?> TakeAsync<TItem, TResponse>(
        SandboxEngine engine,
        ServerCallContext context,
        string ns,
        string queueName,
        Func<SandboxNamespace, string, TaskQueue<TItem>> queueOf,
        Func<TItem, TResponse?> start)
        where TItem : class
        where TResponse : class
    {
        if (string.IsNullOrEmpty(queueName))
        {
            throw RpcErrors.InvalidArgument("task_queue.name is required.");
        }

        SandboxNamespace state;
        lock (engine.Gate)
        {
            state = engine.GetNamespace(ns);
        }

        return await WaitAsync(engine, context, () =>
        {
            var queue = queueOf(state, queueName);
            var task = queue.TryTake(start);
            return (task, task is null ? queue.Signal : Task.CompletedTask);
        }).ConfigureAwait(false);
    }

    /// <summary>Real-time moment to give up: a second before the client's deadline, at most a minute.</summary>
    public static DateTime DeadlineOf(ServerCallContext context)
    {
        var now = DateTime.UtcNow;
        var cap = now + MaxPoll;
        var deadline = context.Deadline == DateTime.MaxValue ? cap : context.Deadline.ToUniversalTime() - Margin;
        return deadline < cap ? deadline : cap;
    }
}
