namespace RolloutWorkflows.Worker.Cli;

/// <summary>Process exit codes of the <c>rollouts</c> command.</summary>
public static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>
    /// Command-line syntax errors (System.CommandLine's own code), and a rollout that did not get where it was sent:
    /// <c>deploy --wait</c> ended Degraded (or superseded, or timed out), an operator command was rejected, no such rollout.
    /// </summary>
    public const int Usage = 1;

    /// <summary>See <see cref="Usage"/>: the code CI reads as "the rollout failed".</summary>
    public const int RolloutFailed = 1;

    /// <summary>The manifests or settings are invalid; stderr lists one <c>path: message</c> per problem. Nothing was sent.</summary>
    public const int Invalid = 2;

    /// <summary>Temporal could not be reached, or no worker answered.</summary>
    public const int Unavailable = 3;
}
