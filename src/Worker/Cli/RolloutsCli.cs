namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>The `rollouts` command line: one root command with a sub-command per job.</summary>
public static class RolloutsCli
{
    /// <summary>Parses and runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("rollouts: durable progressive delivery on Kubernetes behind AWS ALBs, run as Temporal workflows.");
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
