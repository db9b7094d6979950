namespace RolloutWorkflows.Worker.Demo;

using RolloutWorkflows.Sandbox.Aws.Traffic;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>Where the demo shows what happens while it runs (a live table, plain lines, or nothing for JSON output).</summary>
public interface IDemoProgress
{
    /// <summary>A stage of the demo begins (starting the sandbox, deploying revision 1, ...).</summary>
    void Stage(string text);

    /// <summary>The rollout's status, the steps so far and the traffic so far.</summary>
    void Update(RolloutStatus status, IReadOnlyList<DemoStep> steps, TrafficReport? traffic, IReadOnlyDictionary<string, string> revisionsByHash);

    /// <summary>The demo acted on the rollout (promote, abort).</summary>
    void Action(string text);
}
