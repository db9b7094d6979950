namespace RolloutWorkflows.Worker.Demo;

using System.Globalization;
using RolloutWorkflows.Sandbox.Aws.Traffic;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>One line per change, for logs and CI (stdout not a terminal); nothing at all when the output is JSON.</summary>
public sealed class PlainDemoProgress : IDemoProgress
{
    private readonly TextWriter? writer;
    private string last = "";

    /// <param name="writer">Where lines go; null writes nothing.</param>
    public PlainDemoProgress(TextWriter? writer)
    {
        this.writer = writer;
    }

    /// <inheritdoc/>
    public void Stage(string text) => writer?.WriteLine($"==> {text}");

    /// <inheritdoc/>
    public void Action(string text) => writer?.WriteLine($"    demo: {text}");

    /// <inheritdoc/>
    public void Update(RolloutStatus status, IReadOnlyList<DemoStep> steps, TrafficReport? traffic, IReadOnlyDictionary<string, string> revisionsByHash)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"    {status.Phase,-11} revision {status.Revision} step {Math.Min(status.Step, status.Steps)}/{status.Steps} weight set {status.SetWeight}% verified {(status.ActualWeight is { } w ? w + "%" : "-")}  {status.Message}");
        if (line != last)
        {
            last = line;
            writer?.WriteLine(line + (traffic is null ? "" : "  | traffic " + DemoText.Traffic(traffic, revisionsByHash)));
        }
    }
}
