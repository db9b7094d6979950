namespace RolloutWorkflows.EndToEnd.Tests.Cli;

/// <summary>What one `rollouts` command did.</summary>
public sealed record CliResult(int Exit, string Output, string Error)
{
    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Error}";
}
