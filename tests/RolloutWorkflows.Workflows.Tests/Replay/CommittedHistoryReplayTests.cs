namespace RolloutWorkflows.Workflows.Tests.Replay;

using RolloutWorkflows.Workflows.Rollout;
using Temporalio.Common;
using Temporalio.Worker;

/// <summary>
/// Every committed history must replay with the current workflow code: a change that is not guarded by
/// <c>Workflow.Patched</c> fails here before it can break running rollouts. Regenerate with
/// <c>ROLLOUT_RECORD_HISTORIES=tests/RolloutWorkflows.Workflows.Tests/Replay/Histories dotnet test ...</c>
/// only when the shape change is intended and patched.
/// </summary>
public class CommittedHistoryReplayTests
{
    public static TheoryData<string> Histories()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> Files() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Replay", "Histories"), "*.json")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Replay_CommittedHistory_IsDeterministic(string file)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Replay", "Histories", file));
        var history = WorkflowHistory.FromJson($"rollout/replay/{file}", json);

        var result = await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<RolloutWorkflow>())
            .ReplayWorkflowAsync(history, throwOnReplayFailure: false);

        Assert.Null(result.ReplayFailure);
    }

    [Fact]
    public void Histories_CoverTheRepresentativeScenarios()
    {
        var names = Files();

        foreach (var scenario in new[] { "canary", "abort-retry", "ping-pong", "blue-green", "delete", "supersede", "check-references", "accept-correction", "canary-plan4", "replace-first" })
        {
            Assert.Contains(names, n => n.StartsWith(scenario + "-", StringComparison.Ordinal));
        }
    }
}
