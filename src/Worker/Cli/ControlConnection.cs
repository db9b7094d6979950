namespace RolloutWorkflows.Worker.Cli;

using Microsoft.Extensions.Configuration;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;
using Temporalio.Client;

/// <summary>Connects a CLI command to Temporal from the configuration chain, with errors that say what to fix.</summary>
public static class ControlConnection
{
    /// <summary>The control client, or the exit code after the problem was printed on <paramref name="error"/>.</summary>
    public static async Task<(RolloutControl? Control, int ExitCode)> ConnectAsync(IConfiguration configuration, string command, TextWriter error)
    {
        var settings = RolloutsConfiguration.Get<TemporalSettings>(configuration, TemporalSettings.SectionName);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"rollouts {command}: {problem}");
            }

            return (null, CliExitCodes.Invalid);
        }

        try
        {
            var client = await TemporalClient.ConnectAsync(settings.ToConnectOptions());
            return (new RolloutControl(client, settings.TaskQueue), CliExitCodes.Success);
        }
        catch (Exception e) when (e is InvalidOperationException or Temporalio.Exceptions.RpcException or IOException)
        {
            await error.WriteLineAsync(
                $"rollouts {command}: cannot reach Temporal at {settings.Address} (namespace {settings.Namespace}): {e.Message}. " +
                "Check --address / TEMPORAL_ADDRESS and that the server is up.");
            return (null, CliExitCodes.Unavailable);
        }
    }

    /// <summary>Prints a control failure and returns its exit code; false when the exception is not one of ours.</summary>
    public static bool TryReport(Exception e, string command, TextWriter error, out int exitCode)
    {
        (exitCode, var message) = e switch
        {
            RolloutCommandRejectedException rejected => (CliExitCodes.RolloutFailed, $"rejected: {rejected.Message}"),
            RolloutNotFoundException missing => (CliExitCodes.RolloutFailed, missing.Message),
            TimeoutException timeout => (CliExitCodes.Unavailable, timeout.Message),
            Temporalio.Exceptions.RpcException rpc => (CliExitCodes.Unavailable, $"Temporal refused the call ({rpc.Code}): {rpc.Message}"),
            _ => (0, ""),
        };
        if (exitCode == 0)
        {
            return false;
        }

        error.WriteLine($"rollouts {command}: {message}");
        return true;
    }
}
