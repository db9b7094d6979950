namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;

/// <summary>
/// The operator commands, each a workflow update: <c>promote [--full]</c>, <c>abort</c>, <c>pause</c>, <c>resume</c>,
/// <c>retry</c>, <c>delete</c>. The workflow's reply is printed; a rejection prints its reason and exits 1.
/// </summary>
public static class ControlCommands
{
    public static IEnumerable<Command> CreateAll()
    {
        var full = new Option<bool>("--full") { Description = "Skip the remaining steps (and pauses) and promote to 100% now." };
        yield return Create("promote", "Finish the current pause (or, with --full, every remaining step) of a rollout.", [full], p => p.GetValue(full) ? RolloutCommand.PromoteFull : RolloutCommand.Promote);

        var reason = new Option<string>("--reason") { Description = "Why (kept in the rollout's events and message)." };
        yield return Create("abort", "Move traffic back to stable (verified) and stop the update; the rollout becomes Degraded.", [reason], _ => RolloutCommand.Abort, reason);
        yield return Create("pause", "Hold a rollout at its next step boundary.", [], _ => RolloutCommand.Pause);
        yield return Create("resume", "Continue a paused (or failed) rollout.", [], _ => RolloutCommand.Resume);
        yield return Create("retry", "Restart an aborted or failed update from step 0.", [], _ => RolloutCommand.Retry);
        yield return Create("delete", "Reset every ALB action the rollout manages to 100% stable and end its workflow.", [], _ => RolloutCommand.Delete);
    }

    private static Command Create(string name, string description, Option[] extra, Func<ParseResult, RolloutCommand> which, Option<string>? reason = null)
    {
        var target = new RolloutTargetOptions();
        var flags = new ConfigFlags().WithTemporal();
        var command = new Command(name, description);
        target.AddTo(command);
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        flags.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var (control, exit) = await ControlConnection.ConnectAsync(RolloutsConfiguration.Build(flags.Overrides(parseResult)), name, error);
            if (control is null)
            {
                return exit;
            }

            var (ns, rollout) = target.Read(parseResult);
            try
            {
                var reply = await control.SendAsync(ns, rollout, which(parseResult), reason is null ? null : parseResult.GetValue(reason), cancellationToken);
                await output.WriteLineAsync($"rollout {ns}/{rollout}: {reply}");
                return CliExitCodes.Success;
            }
            catch (Exception e) when (ControlConnection.TryReport(e, name, error, out var code))
            {
                return code;
            }
        });
        return command;
    }
}
