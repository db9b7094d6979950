namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;

/// <summary>
/// <c>rollouts list [-n NS] [--output text|json]</c>: the open rollouts with phase, revision and canary weight, read
/// from the workflows' search attributes (so it needs no worker, and it is what the Temporal UI filters on).
/// </summary>
public static class ListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var ns = RolloutTargetOptions.NamespaceOption("Only rollouts of this Kubernetes namespace (default: all).", null);
        var output = new Option<string>("--output", "-o") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var flags = new ConfigFlags().WithTemporal();
        var command = new Command("list", "List open rollouts with phase, revision and canary weight (from the search attributes).") { ns, output };
        flags.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            var (control, exit) = await ControlConnection.ConnectAsync(RolloutsConfiguration.Build(flags.Overrides(parseResult)), "list", io.Error);
            if (control is null)
            {
                return exit;
            }

            try
            {
                var items = await control.ListAsync(parseResult.GetValue(ns), cancellationToken);
                await io.Output.WriteAsync(parseResult.GetValue(output) == "json" ? JsonSerializer.Serialize(items, Json) + "\n" : Table(items));
                return CliExitCodes.Success;
            }
            catch (Exception e) when (ControlConnection.TryReport(e, "list", io.Error, out var code))
            {
                return code;
            }
        });
        return command;
    }

    private static string Table(IReadOnlyList<RolloutListItem> items)
    {
        if (items.Count == 0)
        {
            return "No rollouts found.\n";
        }

        var rows = new List<string[]> { new[] { "NAMESPACE", "NAME", "PHASE", "REVISION", "WEIGHT", "STARTED" } };
        rows.AddRange(items.Select(i => new[]
        {
            i.Namespace, i.Name, string.IsNullOrEmpty(i.Phase) ? "-" : i.Phase,
            i.Revision.ToString(CultureInfo.InvariantCulture), $"{i.CanaryWeight}%", i.Started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return string.Concat(rows.Select(r => string.Join("   ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd() + "\n"));
    }
}
