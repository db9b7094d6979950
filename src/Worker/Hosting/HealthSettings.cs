namespace RolloutWorkflows.Worker.Hosting;

/// <summary>The worker's probe endpoints (configuration section <c>Health</c>): <c>/healthz/live</c> and <c>/healthz/ready</c>.</summary>
public sealed class HealthSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Health";

    /// <summary>Port of the probe endpoints (deploy/deployment.yaml probes 8081); 0 picks a free port.</summary>
    public int Port { get; set; } = 8081;

    /// <summary>Address the probe endpoints bind to.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Every problem with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate() =>
        Port is < 0 or > 65535 ? [$"{SectionName}:Port {Port} must be a TCP port (0 picks a free one); default 8081."] : [];
}
