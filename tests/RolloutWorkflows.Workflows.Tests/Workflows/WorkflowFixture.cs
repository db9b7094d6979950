namespace RolloutWorkflows.Workflows.Tests.Workflows;

using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

/// <summary>
/// One in-process Temporal sandbox (with time skipping, so pauses and scale-down delays pass at once) and the
/// rollout search attributes registered, shared by every workflow test.
/// </summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    private TemporalSandboxServer? server;

    public TemporalClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new TemporalSandboxOptions { TimeSkipping = true };
        options.SearchAttributes[Names.RolloutNamespaceAttribute] = IndexedValueType.Keyword;
        options.SearchAttributes[Names.RolloutNameAttribute] = IndexedValueType.Keyword;
        options.SearchAttributes[Names.RolloutPhaseAttribute] = IndexedValueType.Keyword;
        options.SearchAttributes[Names.RolloutRevisionAttribute] = IndexedValueType.Int;
        options.SearchAttributes[Names.CanaryWeightAttribute] = IndexedValueType.Int;
        server = await TemporalSandboxServer.StartAsync(options, CancellationToken.None);
        Client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target) { Namespace = "default" });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
