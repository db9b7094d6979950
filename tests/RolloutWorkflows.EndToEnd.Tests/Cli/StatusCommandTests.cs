namespace RolloutWorkflows.EndToEnd.Tests.Cli;

using System.Text.Json.Nodes;
using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>`rollouts status` and `rollouts list`: what an operator sees, in text and JSON.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_Text_ShowsPhaseStepWeightsVerificationAndReplicaSetReadyCounts()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);

        var result = await cli.StatusAsync("status", "web");

        Assert.True(result.Exit == 0, result.ToString());
        var text = result.Output;
        Assert.Contains("Phase:        Paused", text, StringComparison.Ordinal);
        Assert.Contains("Message:      CanaryPauseStep", text, StringComparison.Ordinal);
        Assert.Contains("Step:         1/4", text, StringComparison.Ordinal);
        Assert.Contains("Weight:       set 20%, verified 20%", text, StringComparison.Ordinal);
        Assert.Matches(@"stable  web-[a-z0-9]+ +4/4 ready, 4 available", text);
        Assert.Matches(@"canary  web-[a-z0-9]+ +1/1 ready, 1 available", text);
        Assert.Matches(@"web +verified +20%  ingress default/web: web-canary=20 web-stable=80 verified", text);
        Assert.Contains("weight 20% verified", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_CarriesTheStatusQueryAndLiveReplicaSetCounts()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);

        var result = await cli.StatusAsync("status", "web", "-o", "json");

        Assert.True(result.Exit == 0, result.ToString());
        var json = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal("Paused", (string?)json["phase"]);
        Assert.Equal(2L, (long?)json["revision"]);
        Assert.Equal(20, (int?)json["setWeight"]);
        Assert.Equal(20, (int?)json["actualWeight"]);
        Assert.True((bool?)json["ingresses"]![0]!["verified"]);
        var canary = json["replicaSets"]!.AsArray().Single(r => (string?)r!["role"] == "canary")!;
        Assert.Equal((string?)json["canaryReplicaSet"], (string?)canary["name"]);
        Assert.Equal(1, (int?)canary["ready"]);
    }

    [Fact]
    public async Task Status_WithoutKubernetesAccess_StillShowsTheRolloutAndSaysWhyCountsAreMissing()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);

        var result = await cli.RunAsync("status", "web", "--kubeconfig", "/nonexistent/kubeconfig");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("Phase:        Paused", result.Output, StringComparison.Ordinal);
        Assert.Contains("no Kubernetes access", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Watch_PrintsEachChangeAndEndsWhenTheRolloutIsDeleted()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);

        var watching = cli.StatusAsync("status", "web", "--watch", "--interval", "1s");
        await stack.WaitForAsync("web", s => s.Phase == "Paused", "still paused while the watch starts");
        await Task.Delay(1500);
        Assert.Equal(0, (await cli.RunAsync("delete", "web")).Exit);
        var result = await watching.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Exit == 0, result.ToString());
        // Each view ends with "---"; the closing line after the last view says the workflow ended.
        var views = result.Output.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(views.Length >= 3, "a view before and after the delete, then the closing line: " + result.Output);
        Assert.Contains("Phase:        Paused", views[0], StringComparison.Ordinal);
        Assert.Contains("Phase:        Deleted", views[^2], StringComparison.Ordinal);
        Assert.StartsWith("rollout default/web: its workflow has ended", views[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterDelete_SaysDeletedInsteadOfTheLastProgressingState()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);
        Assert.Equal(0, (await cli.RunAsync("delete", "web")).Exit);
        await stack.WaitForAsync("web", s => s.Events.Any(e => e.Text == "deleted: ALB actions reset to stable"), "the delete to finish");
        var query = await stack.StatusAsync("web");

        var result = await cli.StatusAsync("status", "web", "-o", "json");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("Progressing", query.Phase);
        var json = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal("Deleted", (string?)json["phase"]);
        Assert.StartsWith("deleted: its ALB actions were reset to stable", (string?)json["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownRollout_ExitOneNamingIt()
    {
        await using var stack = await EndToEndStack.StartAsync();
        var cli = new CliSession(stack);

        var result = await cli.StatusAsync("status", "nope");

        Assert.Equal(1, result.Exit);
        Assert.Contains("rollout default/nope not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsOpenRolloutsWithPhaseRevisionAndWeight_FilteredByNamespace()
    {
        await using var stack = await PausedAtTwentyAsync();
        var cli = new CliSession(stack);

        var all = await cli.RunAsync("list");
        var json = await cli.RunAsync("list", "-o", "json");
        var other = await cli.RunAsync("list", "-n", "shop");

        Assert.True(all.Exit == 0, all.ToString());
        Assert.Matches(@"NAMESPACE +NAME +PHASE +REVISION +WEIGHT +STARTED\ndefault +web +Paused +2 +20%", all.Output);
        var item = JsonNode.Parse(json.Output)!.AsArray().Single()!;
        Assert.Equal("web", (string?)item["name"]);
        Assert.Equal("Paused", (string?)item["phase"]);
        Assert.Equal(20, (int?)item["canaryWeight"]);
        Assert.Equal("No rollouts found.\n", other.Output);
    }

    /// <summary>Revision 2 verified at 20 % and held at its indefinite pause.</summary>
    private static async Task<EndToEndStack> PausedAtTwentyAsync()
    {
        var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var rollout = EndToEndStack.ReadRollout(ScenarioManifests.ManualPauseCanary);
        await stack.DeployAsync(rollout);
        await stack.WaitForHealthyAsync("web", 1);
        await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"));
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused" && s.ActualWeight == 20, "revision 2 verified at 20 % and paused");
        return stack;
    }
}
