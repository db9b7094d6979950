namespace RolloutWorkflows.Sandbox.Temporal.Handlers;

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RolloutWorkflows.Sandbox.Temporal.Engine;
using RolloutWorkflows.Sandbox.Temporal.Hosting;
using Temporalio.Api.TestService.V1;

/// <summary>
/// The time-skipping TestService: locks that forbid skipping, the server clock, and sleeps that let
/// time skip (when skipping is on) until a moment is reached.
/// </summary>
internal sealed class TestServiceHandlers(SandboxEngine engine)
{
    internal const string Service = "TestService";

    public void Register(RpcRouter router)
    {
        router.Add<LockTimeSkippingRequest, LockTimeSkippingResponse>(Service, "LockTimeSkipping", _ =>
        {
            lock (engine.Gate)
            {
                engine.Scheduler.SkipLocks++;
            }

            return new LockTimeSkippingResponse();
        });
        router.Add<UnlockTimeSkippingRequest, UnlockTimeSkippingResponse>(Service, "UnlockTimeSkipping", _ =>
        {
            lock (engine.Gate)
            {
                engine.Scheduler.SkipLocks = Math.Max(0, engine.Scheduler.SkipLocks - 1);
                engine.Scheduler.Wake();
            }

            return new UnlockTimeSkippingResponse();
        });
        router.Add<Empty, GetCurrentTimeResponse>(Service, "GetCurrentTime", _ =>
        {
            lock (engine.Gate)
            {
                return new GetCurrentTimeResponse { Time = engine.Clock.NowTimestamp };
            }
        });
        router.Add<SleepRequest, SleepResponse>(Service, "Sleep", async (request, context) =>
        {
            await SleepUntilAsync(null, request.Duration.ToTimeSpan(), context).ConfigureAwait(false);
            return new SleepResponse();
        });
        router.Add<SleepRequest, SleepResponse>(Service, "UnlockTimeSkippingWithSleep", async (request, context) =>
        {
            await SleepUntilAsync(null, request.Duration.ToTimeSpan(), context).ConfigureAwait(false);
            return new SleepResponse();
        });
        router.Add<SleepUntilRequest, SleepResponse>(Service, "SleepUntil", async (request, context) =>
        {
            await SleepUntilAsync(request.Timestamp.ToDateTime(), TimeSpan.Zero, context).ConfigureAwait(false);
            return new SleepResponse();
        });
    }

    /// <summary>Waits until the server clock reaches a moment, lifting the caller's skip lock meanwhile.</summary>
    private async Task SleepUntilAsync(DateTime? until, TimeSpan duration, ServerCallContext context)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool unlocked;
        lock (engine.Gate)
        {
            var due = until ?? engine.Clock.Now + duration;
            engine.Scheduler.Schedule(due, () => reached.TrySetResult());
            unlocked = engine.Scheduler.SkipLocks > 0;
            if (unlocked)
            {
                engine.Scheduler.SkipLocks--;
            }
        }

        try
        {
            await reached.Task.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (unlocked)
            {
                lock (engine.Gate)
                {
                    engine.Scheduler.SkipLocks++;
                }
            }
        }
    }
}
