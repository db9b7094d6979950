namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using RolloutWorkflows.Sandbox.Temporal;

/// <summary>
/// `rollouts sandbox`: runs the embedded sandbox servers on loopback until Ctrl+C. Each sandbox part
/// (Temporal here; Kubernetes and ELBv2 add theirs) contributes an option and a start step.
/// </summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var temporalPort = new Option<int?>("--temporal-port")
        {
            Description = "Serve the Temporal-compatible sandbox on 127.0.0.1:PORT (0 picks a free port).",
        };
        var timeSkipping = new Option<bool>("--time-skipping")
        {
            Description = "Jump the Temporal sandbox clock to the next timer whenever nothing is running.",
        };
        var command = new Command("sandbox", "Run the embedded sandbox servers (in memory, loopback only) until Ctrl+C.");
        command.Options.Add(temporalPort);
        command.Options.Add(timeSkipping);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parts = new List<IAsyncDisposable>();
            try
            {
                if (parseResult.GetValue(temporalPort) is { } port)
                {
                    CliPorts.Require(port, "--temporal-port");
                    var server = await TemporalSandboxServer.StartAsync(
                        new TemporalSandboxOptions { Port = port, TimeSkipping = parseResult.GetValue(timeSkipping) },
                        cancellationToken);
                    parts.Add(server);
                    Console.WriteLine($"Temporal sandbox listening on {server.Target}");
                }

                if (parts.Count == 0)
                {
                    await Console.Error.WriteLineAsync("Nothing to serve: give at least one port option, e.g. --temporal-port 7233.");
                    return 2;
                }

                Console.WriteLine("Press Ctrl+C to stop.");
                await WaitForCancellationAsync(cancellationToken);
                return 0;
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 2;
            }
            finally
            {
                for (var i = parts.Count - 1; i >= 0; i--)
                {
                    await parts[i].DisposeAsync();
                }
            }
        });
        return command;
    }

    /// <summary>Returns when the command is canceled (Ctrl+C or SIGTERM).</summary>
    public static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way to stop.
        }
    }
}
