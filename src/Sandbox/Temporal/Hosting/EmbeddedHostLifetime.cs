namespace RolloutWorkflows.Sandbox.Temporal.Hosting;

using Microsoft.Extensions.Hosting;

/// <summary>
/// The sandbox is embedded in other processes (tests, the CLI), so it must not take over Ctrl+C and
/// SIGTERM as the default console lifetime does; its owner stops it by disposing the server.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
