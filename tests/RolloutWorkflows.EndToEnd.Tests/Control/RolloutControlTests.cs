namespace RolloutWorkflows.EndToEnd.Tests.Control;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Worker.Control;

/// <summary>What the control layer tells a person when the rollout's workflow exists but no worker is there to answer.</summary>
public sealed class RolloutControlTests
{
    [Fact]
    public async Task Status_NoWorkerPolling_TimesOutNamingTheTaskQueueAndTheFix()
    {
        await using var stack = await HealthyWithoutWorkerAsync();
        var control = new RolloutControl(stack.Client, stack.TaskQueue) { WorkerTimeout = TimeSpan.FromSeconds(3) };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => control.StatusAsync("default", "web"));

        Assert.Contains($"task queue {stack.TaskQueue}", error.Message, StringComparison.Ordinal);
        Assert.Contains("is `rollouts worker` running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WorkerBackAfterAnOutage_AnswersAgain()
    {
        await using var stack = await HealthyWithoutWorkerAsync();
        var control = new RolloutControl(stack.Client, stack.TaskQueue) { WorkerTimeout = TimeSpan.FromSeconds(3) };
        await Assert.ThrowsAsync<TimeoutException>(() => control.StatusAsync("default", "web"));

        await stack.StartWorkerAsync();
        var status = await control.StatusAsync("default", "web");

        Assert.Equal("Healthy", status.Phase);
        Assert.Equal(1, status.Revision);
    }

    /// <summary>Rollout web Healthy at revision 1, then its worker stopped (a crash or a rolling update of the worker).</summary>
    private static async Task<EndToEndStack> HealthyWithoutWorkerAsync()
    {
        var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        await stack.DeployAsync(EndToEndStack.ReadRollout(Examples.Canary));
        await stack.WaitForHealthyAsync("web", 1);
        await stack.StopWorkerAsync();
        return stack;
    }
}
