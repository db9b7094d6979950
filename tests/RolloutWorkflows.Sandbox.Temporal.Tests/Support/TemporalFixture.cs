namespace RolloutWorkflows.Sandbox.Temporal.Tests.Support;

using RolloutWorkflows.Sandbox.Temporal;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

/// <summary>
/// One server for the whole contract suite: an in-process sandbox, or the real Temporal server named by
/// TEMPORAL_TEST_ADDRESS (host:port) so the same tests check the sandbox's fidelity against the original.
/// </summary>
public sealed class TemporalFixture : IAsyncLifetime
{
    public const string KeywordAttribute = "SandboxTestKeyword";
    public const string IntAttribute = "SandboxTestInt";
    public const string TextAttribute = "SandboxTestText";
    public const string AddressVariable = "TEMPORAL_TEST_ADDRESS";

    private TemporalSandboxServer? server;

    public TemporalClient Client { get; private set; } = null!;

    /// <summary>Gets a value indicating whether the suite runs against a real server instead of the sandbox.</summary>
    public bool UsesRealServer { get; private set; }

    public async Task InitializeAsync()
    {
        var address = Environment.GetEnvironmentVariable(AddressVariable);
        if (string.IsNullOrEmpty(address))
        {
            server = await TemporalSandboxServer.StartAsync(new TemporalSandboxOptions(), CancellationToken.None);
            address = server.Target;
        }
        else
        {
            UsesRealServer = true;
        }

        Client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(address) { Namespace = "default" });

        // Registered through the OperatorService, which works the same on both servers.
        var request = new AddSearchAttributesRequest { Namespace = "default" };
        request.SearchAttributes.Add(KeywordAttribute, IndexedValueType.Keyword);
        request.SearchAttributes.Add(IntAttribute, IndexedValueType.Int);
        request.SearchAttributes.Add(TextAttribute, IndexedValueType.Text);
        try
        {
            await Client.Connection.OperatorService.AddSearchAttributesAsync(request);
        }
        catch (RpcException error) when (error.Code == RpcException.StatusCode.AlreadyExists)
        {
            // Left over from an earlier run against the same real server.
        }
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
