namespace RolloutWorkflows.Worker.Cli;

/// <summary>Validation of port options shared by the server commands.</summary>
public static class CliPorts
{
    public static void Require(int port, string option)
    {
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"{option} {port} is not a TCP port; use 0-65535 (0 picks a free port).", nameof(port));
        }
    }
}
