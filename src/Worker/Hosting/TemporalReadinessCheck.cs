namespace RolloutWorkflows.Worker.Hosting;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Client;

/// <summary>Ready when the Temporal frontend answers its health check: a worker that cannot poll must not look ready.</summary>
public sealed class TemporalReadinessCheck : IHealthCheck
{
    private readonly ITemporalClient client;

    public TemporalReadinessCheck(ITemporalClient client)
    {
        this.client = client;
    }

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!client.Connection.IsConnected)
            {
                await client.Connection.ConnectAsync();
            }

            var healthy = await client.Connection.CheckHealthAsync(options: new Temporalio.Client.RpcOptions { CancellationToken = cancellationToken });
            return healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the Temporal frontend reports NOT_SERVING");
        }
        catch (Exception error) when (error is Temporalio.Exceptions.RpcException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Temporal unreachable: {error.Message}");
        }
    }
}
