namespace RolloutWorkflows.Sandbox.Aws.Traffic;

/// <summary>Options of the <see cref="TrafficSimulator"/>.</summary>
public sealed class TrafficSimulatorOptions
{
    /// <summary>The most requests per second the simulator accepts (it runs in process, so it is bounded).</summary>
    public const double MaxRequestsPerSecond = 10_000;

    /// <summary>Gets or sets the DNS name of the ALB to send to (as in the Ingress status); null means the first load balancer.</summary>
    public string? LoadBalancerDnsName { get; set; }

    /// <summary>Gets or sets the request rate of the background loop.</summary>
    public double RequestsPerSecond { get; set; } = 200;

    /// <summary>Gets or sets the seed of the weighted and target choices, so runs are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the Host header of the synthetic requests ("" matches no host-header condition).</summary>
    public string Host { get; set; } = "";

    /// <summary>Gets or sets the path of the synthetic requests.</summary>
    public string Path { get; set; } = "/";

    /// <summary>Gets or sets how often the background loop sends a batch.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets how often Pods and Services are re-read from the Kubernetes API.</summary>
    public TimeSpan SnapshotRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the width of the time buckets of <see cref="TrafficReport.Samples"/>.</summary>
    public TimeSpan SampleWidth { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options and names the field to fix.</summary>
    public TrafficSimulatorOptions Validate()
    {
        if (RequestsPerSecond is <= 0 or > MaxRequestsPerSecond)
        {
            throw new ArgumentException($"TrafficSimulatorOptions.RequestsPerSecond ({RequestsPerSecond}) must be above 0 and at most {MaxRequestsPerSecond}.");
        }

        if (TickInterval <= TimeSpan.Zero || SnapshotRefreshInterval <= TimeSpan.Zero || SampleWidth <= TimeSpan.Zero)
        {
            throw new ArgumentException("TrafficSimulatorOptions: TickInterval, SnapshotRefreshInterval and SampleWidth must be positive.");
        }

        return string.IsNullOrEmpty(Path) || Path[0] != '/'
            ? throw new ArgumentException($"TrafficSimulatorOptions.Path ('{Path}') must start with '/'.")
            : this;
    }
}
