namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>The `rollouts` command line: one root command with a sub-command per job.</summary>
public static class RolloutsCli
{
    /// <summary>Builds the root command with every sub-command registered.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("rollouts: durable progressive delivery on Kubernetes behind AWS ALBs, run as Temporal workflows.");

        // One line per sub-command; each lives in its own *Command.cs file.
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(ServerStartDevCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(DeployCommand.Create());
        foreach (var control in ControlCommands.CreateAll())
        {
            root.Subcommands.Add(control);
        }

        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create());
        ConfigurationErrorAction.WrapAll(root);
        return root;
    }

    /// <summary>Parses and runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        return await Build().Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
