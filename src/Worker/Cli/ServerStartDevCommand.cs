namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using RolloutWorkflows.Sandbox.Temporal;
using Temporalio.Api.Enums.V1;

/// <summary>
/// `rollouts server start-dev`: the Temporal CLI's dev-server command line, served by the Temporal sandbox,
/// so <c>WorkflowEnvironment.StartLocalAsync</c> with <c>DevServerOptions.ExistingPath</c> = this
/// executable works. Flags the sandbox has no use for (UI, logging, dynamic config) are accepted and ignored.
/// </summary>
public static class ServerStartDevCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Frontend port.", DefaultValueFactory = _ => 7233 };
        var ip = new Option<string>("--ip") { Description = "IP address to bind.", DefaultValueFactory = _ => "127.0.0.1" };
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Extra namespace to create (repeatable); 'default' always exists." };
        var searchAttributes = new Option<string[]>("--search-attribute")
        {
            Description = "Custom search attribute KEY=TYPE (repeatable); TYPE is Keyword, Text, Int, Double, Bool, Datetime or KeywordList.",
        };
        var startDev = new Command("start-dev", "Start the in-memory Temporal sandbox as a Temporal dev server look-alike.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        startDev.Options.Add(port);
        startDev.Options.Add(ip);
        startDev.Options.Add(namespaces);
        startDev.Options.Add(searchAttributes);
        startDev.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new TemporalSandboxOptions { Port = parseResult.GetValue(port), Host = parseResult.GetValue(ip) ?? "127.0.0.1" };
            try
            {
                CliPorts.Require(options.Port, "--port");
                foreach (var name in (parseResult.GetValue(namespaces) ?? []).Where(name => name != "default").Distinct())
                {
                    options.Namespaces.Add(name);
                }

                foreach (var pair in parseResult.GetValue(searchAttributes) ?? [])
                {
                    var (key, type) = ParseSearchAttribute(pair);
                    options.SearchAttributes[key] = type;
                }
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 2;
            }

            await using var server = await TemporalSandboxServer.StartAsync(options, cancellationToken);
            Console.WriteLine($"Temporal sandbox (dev server) listening on {server.Target}; namespaces: default{string.Concat(options.Namespaces.Select(n => ", " + n))}");
            await SandboxCommand.WaitForCancellationAsync(cancellationToken);
            return 0;
        });

        var server = new Command("server", "Temporal CLI compatible server commands.");
        server.Subcommands.Add(startDev);
        return server;
    }

    /// <summary>Parses KEY=TYPE as the Temporal CLI does.</summary>
    public static (string Key, IndexedValueType Type) ParseSearchAttribute(string pair)
    {
        var parts = pair.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0
            || !Enum.TryParse<IndexedValueType>(parts[1], ignoreCase: true, out var type) || type == IndexedValueType.Unspecified)
        {
            throw new ArgumentException(
                $"--search-attribute '{pair}' must be KEY=TYPE with TYPE one of Keyword, Text, Int, Double, Bool, Datetime, KeywordList.", nameof(pair));
        }

        return (parts[0], type);
    }
}
