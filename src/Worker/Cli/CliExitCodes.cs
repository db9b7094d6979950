namespace RolloutWorkflows.Worker.Cli;

/// <summary>Process exit codes of the <c>rollouts</c> command.</summary>
public static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>Command-line syntax errors (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>The manifests are invalid; stderr lists one <c>path: message</c> per problem.</summary>
    public const int Invalid = 2;
}
