namespace RolloutWorkflows.EndToEnd.Tests.Demo;

using System.CommandLine;
using System.Text.Json.Nodes;
using RolloutWorkflows.Worker.Cli;

/// <summary>
/// `rollouts demo --output json --fast` per scenario: the README's first command, end to end through the real worker,
/// the real clients and the whole sandbox. Each asserts the expected end, verified steps and zero failed requests.
/// </summary>
public sealed class DemoCommandTests
{
    [Theory]
    [InlineData("canary", "Healthy", 2L)]
    [InlineData("pingpong", "Healthy", 2L)]
    [InlineData("bluegreen", "Healthy", 2L)]
    [InlineData("abort", "Degraded", 1L)]
    public async Task Demo_Scenario_ReachesItsExpectedEndWithZeroFailedRequests(string scenario, string phase, long stableRevision)
    {
        var (exit, output, error) = await RunAsync("demo", "--fast", "--scenario", scenario, "--output", "json");

        Assert.True(exit == 0, $"exit {exit}; stderr:\n{error}\nstdout:\n{output}");
        var summary = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(scenario, (string?)summary["scenario"]);
        Assert.Equal(phase, (string?)summary["phase"]);
        Assert.Equal(2L, (long?)summary["revision"]);
        Assert.Equal(stableRevision, (long?)summary["stableRevision"]);
        Assert.Equal(0L, (long?)summary["requests"]!["failed"]);
        Assert.True((long?)summary["requests"]!["total"] > 0, "traffic flowed");
        Assert.True((int?)summary["elbv2Calls"]!["total"] > 0, "verification called ELBv2");
    }

    [Fact]
    public async Task Demo_Canary_EverySetWeightStepVerifiedAndBothRevisionsServed()
    {
        var (exit, output, error) = await RunAsync("demo", "--fast", "--output", "json");

        Assert.True(exit == 0, $"exit {exit}; stderr:\n{error}");
        var summary = JsonNode.Parse(output)!.AsObject();
        var steps = summary["steps"]!.AsArray();
        var weights = steps.Where(s => (string?)s!["kind"] is "setWeight" or "full").Select(s => ((int?)s!["weight"], (bool?)s["verified"])).ToList();
        Assert.Equal([(20, true), (50, true), (100, true)], weights);
        Assert.All(steps.Where(s => (bool?)s!["verified"] == true && (string?)s["kind"] != "pause"), s => Assert.NotNull((double?)s!["secondsToVerified"]));
        var byRevision = summary["requests"]!["byRevision"]!.AsObject();
        Assert.True((long?)byRevision["1"] > 0, "revision 1 served before and during the canary");
        Assert.True((long?)byRevision["2"] > 0, "revision 2 served the canary share and then everything");
        var byOperation = summary["elbv2Calls"]!["byOperation"]!.AsObject();
        Assert.Equal(1, (int?)byOperation["DescribeLoadBalancers"]);
    }

    [Fact]
    public async Task Demo_UnknownScenario_UsageErrorNamingTheChoices()
    {
        var (exit, _, error) = await RunAsync("demo", "--scenario", "rainbow");

        Assert.NotEqual(0, exit);
        Assert.Contains("rainbow", error, StringComparison.Ordinal);
        Assert.Contains("canary", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RolloutsCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
