namespace RolloutWorkflows.EndToEnd.Tests.Cli;

using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>The operator commands (workflow updates) through the CLI: what they change, and how a refusal reads.</summary>
public sealed class ControlCommandTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    [Fact]
    public async Task Promote_AtAnIndefinitePause_RolloutContinuesToHealthy()
    {
        await using var stack = await StartedAsync();
        var cli = new CliSession(stack);
        await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(ScenarioManifests.ManualPauseCanary), "--image", "web=nginx:1.28");
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused", "revision 2 at its indefinite pause");

        var result = await cli.RunAsync("promote", "web");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("rollout default/web: promoted\n", result.Output);
        await stack.WaitForHealthyAsync("web", 2);
    }

    [Fact]
    public async Task Promote_OnAHealthyRollout_RejectedWithTheWorkflowsReasonAndExitOne()
    {
        await using var stack = await StartedAsync();
        var cli = new CliSession(stack);

        var result = await cli.RunAsync("promote", "web");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("rollouts promote: rejected: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task PauseThenResume_HoldsTheRolloutThenLetsItFinish()
    {
        await using var stack = await StartedAsync();
        var cli = new CliSession(stack);
        await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(ScenarioManifests.ManualPauseCanary), "--image", "web=nginx:1.28");
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused", "revision 2 at its indefinite pause");
        Assert.Equal(0, (await cli.RunAsync("promote", "web")).Exit);

        var pause = await cli.RunAsync("pause", "web");
        var held = await stack.StatusAsync("web");
        var again = await cli.RunAsync("pause", "web");
        var resume = await cli.RunAsync("resume", "web");

        Assert.True(pause.Exit == 0, pause.ToString());
        Assert.Equal("Paused", held.Phase);
        Assert.Equal(1, again.Exit);
        Assert.Contains("rejected: already paused", again.Error, StringComparison.Ordinal);
        Assert.True(resume.Exit == 0, resume.ToString());
        await stack.WaitForHealthyAsync("web", 2);
    }

    [Fact]
    public async Task AbortThenRetry_TrafficBackOnStableThenTheUpdateRunsAgainToHealthy()
    {
        await using var stack = await StartedAsync();
        var cli = new CliSession(stack);
        await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(ScenarioManifests.ManualPauseCanary), "--image", "web=nginx:1.28", "--aws-verify-target-group", "--verification-interval", "1s");
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused", "revision 2 at its indefinite pause");

        var abort = await cli.RunAsync("abort", "web");
        var aborted = await stack.WaitForAsync("web", s => s.Phase == "Degraded" && s.ActualWeight == 0 && s.Events.Any(e => e.Text == "abort complete: traffic is on stable"), "abort complete");
        var stableAction = await stack.AnnotationAsync("web", ActionKey);
        var retry = await cli.RunAsync("retry", "web");

        Assert.True(abort.Exit == 0, abort.ToString());
        Assert.Contains("\"ServiceName\":\"web-stable\",\"ServicePort\":\"80\",\"Weight\":100", stableAction, StringComparison.Ordinal);
        Assert.Equal(0, aborted.SetWeight);
        Assert.True(retry.Exit == 0, retry.ToString());
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused" && !s.Aborted, "revision 2 back at its pause after retry");
        Assert.Equal(0, (await cli.RunAsync("promote", "web", "--full")).Exit);
        await stack.WaitForHealthyAsync("web", 2);
    }

    [Fact]
    public async Task Delete_ResetsTheActionToStableAndEndsTheWorkflow()
    {
        await using var stack = await StartedAsync();
        var cli = new CliSession(stack);
        await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(ScenarioManifests.ManualPauseCanary), "--image", "web=nginx:1.28");
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused" && s.SetWeight == 20, "revision 2 at 20 %");

        var result = await cli.RunAsync("delete", "web");
        var described = await WaitClosedAsync(stack);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Completed, described);
        Assert.Contains("\"ServiceName\":\"web-stable\",\"ServicePort\":\"80\",\"Weight\":100", await stack.AnnotationAsync("web", ActionKey), StringComparison.Ordinal);
        Assert.Contains("No rollouts found", (await cli.RunAsync("list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_UnknownRollout_ExitOneNamingTheWorkflow()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var cli = new CliSession(stack);

        var result = await cli.RunAsync("abort", "nope", "-n", "shop");

        Assert.Equal(1, result.Exit);
        Assert.Contains("rollout shop/nope not found: no workflow rollout/shop/nope", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The example seeded and its first revision Healthy.</summary>
    private static async Task<EndToEndStack> StartedAsync()
    {
        var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        await stack.DeployAsync(EndToEndStack.ReadRollout(ScenarioManifests.ManualPauseCanary));
        await stack.WaitForHealthyAsync("web", 1);
        return stack;
    }

    private static async Task<Temporalio.Api.Enums.V1.WorkflowExecutionStatus> WaitClosedAsync(EndToEndStack stack)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var described = await stack.Handle("web").DescribeAsync();
            if (described.Status != Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Running || DateTime.UtcNow > deadline)
            {
                return described.Status;
            }

            await Task.Delay(100);
        }
    }
}
