namespace RolloutWorkflows.EndToEnd.Tests.Cli;

using System.CommandLine;
using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Worker.Cli;

/// <summary>
/// Runs `rollouts` commands in-process against an <see cref="EndToEndStack"/>, passing exactly the flags a user
/// would (address, task queue, kubeconfig), and captures exit code, stdout and stderr.
/// </summary>
public sealed class CliSession
{
    private readonly EndToEndStack stack;

    public CliSession(EndToEndStack stack)
    {
        this.stack = stack;
    }

    /// <summary>A command that talks to Temporal: the connection flags are appended.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        RunRawAsync([.. args, "--address", stack.Sandbox.Temporal.Target, "--task-queue", stack.TaskQueue]);

    /// <summary>`status` also reads the cluster: the sandbox's kubeconfig is appended too.</summary>
    public Task<CliResult> StatusAsync(params string[] args) =>
        RunAsync([.. args, "--kubeconfig", stack.Sandbox.KubeconfigPath]);

    /// <summary>Exactly these arguments.</summary>
    public static async Task<CliResult> RunRawAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RolloutsCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes a manifest to a temporary file (what `-f` reads) and returns its path.</summary>
    public static string WriteManifest(string manifest)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rollouts-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, manifest);
        return path;
    }
}
