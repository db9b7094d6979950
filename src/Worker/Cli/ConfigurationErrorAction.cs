namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using System.CommandLine.Invocation;
using RolloutWorkflows.Worker.Hosting;

/// <summary>
/// Runs a command's action and turns a configuration value that does not convert (found when a section is read,
/// wherever that happens) into its message and exit code 2, instead of a stack trace.
/// </summary>
public sealed class ConfigurationErrorAction : AsynchronousCommandLineAction
{
    private readonly AsynchronousCommandLineAction inner;
    private readonly string command;

    public ConfigurationErrorAction(AsynchronousCommandLineAction inner, string command)
    {
        this.inner = inner;
        this.command = command;
    }

    /// <summary>Wraps the asynchronous actions of <paramref name="root"/>'s sub-commands.</summary>
    public static void WrapAll(RootCommand root)
    {
        foreach (var sub in root.Subcommands)
        {
            if (sub.Action is AsynchronousCommandLineAction action)
            {
                sub.Action = new ConfigurationErrorAction(action, sub.Name);
            }
        }
    }

    /// <inheritdoc/>
    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.InvokeAsync(parseResult, cancellationToken);
        }
        catch (WorkerConfigurationException invalid)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"rollouts {command}: {invalid.Message}");
            return CliExitCodes.Invalid;
        }
    }
}
