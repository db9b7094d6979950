namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;

/// <summary>
/// <c>rollouts status NAME [-n NS] [--watch] [--output text|json]</c>: the rollout's <c>Status</c> query with the live
/// ReplicaSet counts. <c>--watch</c> redraws on every change until Ctrl+C or until the rollout's workflow ends.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var target = new RolloutTargetOptions();
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep watching: print the status again whenever it changes (Ctrl+C stops)." };
        var output = new Option<string>("--output", "-o") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var interval = new Option<string>("--interval") { Description = "With --watch: how often to read the status (default 2s)." };
        var flags = new ConfigFlags().WithTemporal().WithKubernetes();
        var command = new Command("status", "Show a rollout: phase, message, step, set and verified weight, per-ingress verification, ReplicaSets, recent events.");
        target.AddTo(command);
        command.Options.Add(watch);
        command.Options.Add(output);
        command.Options.Add(interval);
        flags.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            var every = parseResult.GetValue(interval) is { } text ? CliDurations.Parse(text) : TimeSpan.FromSeconds(2);
            if (every is not { } period || period <= TimeSpan.Zero)
            {
                await io.Error.WriteLineAsync($"--interval: '{parseResult.GetValue(interval)}' is not a positive duration; use e.g. 2s or 1m.");
                return CliExitCodes.Invalid;
            }

            var configuration = RolloutsConfiguration.Build(flags.Overrides(parseResult));
            var (control, exit) = await ControlConnection.ConnectAsync(configuration, "status", io.Error);
            if (control is null)
            {
                return exit;
            }

            var (ns, name) = target.Read(parseResult);
            var reader = new ReplicaSetReader(RolloutsConfiguration.Get<KubernetesOptions>(configuration, KubernetesOptions.SectionName));
            var json = parseResult.GetValue(output) == "json";
            try
            {
                return parseResult.GetValue(watch)
                    ? await WatchAsync(control, reader, ns, name, json, period, io.Output, cancellationToken)
                    : await ShowOnceAsync(control, reader, ns, name, json, io.Output, cancellationToken);
            }
            catch (Exception e) when (ControlConnection.TryReport(e, "status", io.Error, out var code))
            {
                return code;
            }
        });
        return command;
    }

    private static async Task<int> ShowOnceAsync(RolloutControl control, ReplicaSetReader reader, string ns, string name, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var (status, _) = await ReadAsync(control, ns, name, cancellationToken);
        await output.WriteAsync(await RenderAsync(status, reader, json, cancellationToken));
        return CliExitCodes.Success;
    }

    private static async Task<int> WatchAsync(RolloutControl control, ReplicaSetReader reader, string ns, string name, bool json, TimeSpan period, TextWriter output, CancellationToken cancellationToken)
    {
        // On a terminal the view is redrawn in place; otherwise (CI logs, pipes) each change is appended.
        var redraw = !json && output == Console.Out && !Console.IsOutputRedirected;
        string? last = null;
        try
        {
            while (true)
            {
                var (status, execution) = await ReadAsync(control, ns, name, cancellationToken);
                var view = await RenderAsync(status, reader, json, cancellationToken);
                if (view != last)
                {
                    last = view;
                    await output.WriteAsync(redraw ? "\u001b[H\u001b[2J" + view : (json ? view.ReplaceLineEndings(" ") + "\n" : view + "---\n"));
                    await output.FlushAsync(cancellationToken);
                }

                if (execution != WorkflowExecutionStatus.Running)
                {
                    await output.WriteLineAsync($"rollout {ns}/{name}: its workflow has ended.");
                    return CliExitCodes.Success;
                }

                await Task.Delay(period, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliExitCodes.Success;
        }
    }

    /// <summary>The Status query as a person should read it (Deleted once the workflow has ended), with the run's status.</summary>
    private static async Task<(RolloutStatus Status, WorkflowExecutionStatus Execution)> ReadAsync(
        RolloutControl control, string ns, string name, CancellationToken cancellationToken)
    {
        var status = await control.StatusAsync(ns, name, cancellationToken);
        var execution = await control.ExecutionStatusAsync(ns, name, cancellationToken);
        return (RolloutControl.Ended(status, execution), execution);
    }

    private static async Task<string> RenderAsync(RolloutStatus status, ReplicaSetReader reader, bool json, CancellationToken cancellationToken)
    {
        var replicaSets = await reader.ReadAsync(status, cancellationToken);
        return json ? StatusView.JsonText(status, replicaSets) + "\n" : StatusView.Text(status, replicaSets);
    }
}
