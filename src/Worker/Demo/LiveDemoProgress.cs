namespace RolloutWorkflows.Worker.Demo;

using System.Globalization;
using RolloutWorkflows.Sandbox.Aws.Traffic;
using RolloutWorkflows.Workflows.Contracts;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>The interactive view: a live table of the rollout, its steps and the traffic, redrawn on every change.</summary>
public sealed class LiveDemoProgress : IDemoProgress
{
    private readonly List<string> stages = [];
    private readonly List<string> actions = [];
    private RolloutStatus? status;
    private IReadOnlyList<DemoStep> steps = [];
    private TrafficReport? traffic;
    private IReadOnlyDictionary<string, string> revisions = new Dictionary<string, string>();

    /// <summary>Called after every change to redraw (the live display's refresh).</summary>
    public Action Refresh { get; set; } = () => { };

    /// <inheritdoc/>
    public void Stage(string text)
    {
        stages.Add(text);
        Refresh();
    }

    /// <inheritdoc/>
    public void Action(string text)
    {
        actions.Add(text);
        Refresh();
    }

    /// <inheritdoc/>
    public void Update(RolloutStatus status, IReadOnlyList<DemoStep> steps, TrafficReport? traffic, IReadOnlyDictionary<string, string> revisionsByHash)
    {
        this.status = status;
        this.steps = steps;
        this.traffic = traffic;
        revisions = revisionsByHash;
        Refresh();
    }

    /// <summary>The current picture.</summary>
    public IRenderable Render()
    {
        var rows = new List<IRenderable>();
        foreach (var stage in stages.TakeLast(4))
        {
            rows.Add(new Markup("[grey]==>[/] " + Markup.Escape(stage)));
        }

        if (status is { } s)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Rollout").AddColumn(Markup.Escape($"{s.Namespace}/{s.Name}"));
            table.AddRow("Phase", Color(s.Phase) + (s.Message.Length > 0 ? " " + Markup.Escape(s.Message) : ""));
            table.AddRow("Revision", string.Create(CultureInfo.InvariantCulture, $"{s.Revision} (stable {s.StableRevision})"));
            table.AddRow("Step", string.Create(CultureInfo.InvariantCulture, $"{Math.Min(s.Step, s.Steps)}/{s.Steps}"));
            table.AddRow("Weight", string.Create(CultureInfo.InvariantCulture, $"set {s.SetWeight}%, verified {(s.ActualWeight is { } w ? w + "%" : "-")}"));
            foreach (var ingress in s.Ingresses)
            {
                table.AddRow(Markup.Escape($"Ingress {ingress.Ingress}"), (ingress.Verified ? "[green]verified[/] " : "[yellow]not verified[/] ") + Markup.Escape(ingress.Message));
            }

            if (traffic is not null)
            {
                table.AddRow("Traffic", Markup.Escape(DemoText.Traffic(traffic, revisions)));
            }

            rows.Add(table);
            var stepTable = new Table().Border(TableBorder.Simple).AddColumns("#", "step", "weight", "verified", "time to verified");
            foreach (var step in steps)
            {
                stepTable.AddRow(
                    (step.Index + 1).ToString(CultureInfo.InvariantCulture),
                    step.Kind,
                    step.Weight is { } weight ? weight + "%" : "",
                    step.Verified ? "[green]yes[/]" : "[grey]-[/]",
                    step.SecondsToVerified is { } t ? t.ToString("0.0 s", CultureInfo.InvariantCulture) : "");
            }

            rows.Add(stepTable);
        }

        foreach (var action in actions.TakeLast(3))
        {
            rows.Add(new Markup("[blue]demo:[/] " + Markup.Escape(action)));
        }

        return new Rows(rows);
    }

    private static string Color(string phase) => phase switch
    {
        "Healthy" => "[green]Healthy[/]",
        "Degraded" => "[red]Degraded[/]",
        "Paused" => "[yellow]Paused[/]",
        _ => "[blue]" + Markup.Escape(phase) + "[/]",
    };
}
