namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

/// <summary>The in-process server's own options (namespaces, registered search attributes); sandbox-only by nature.</summary>
public sealed class SandboxOptionsTests : IAsyncLifetime
{
    private static SearchAttributeKey<string> Region => SearchAttributeKey.CreateKeyword("Region");

    private TemporalSandboxServer server = null!;

    public async Task InitializeAsync()
    {
        var options = new TemporalSandboxOptions { Namespaces = { "staging" }, SearchAttributes = { ["Region"] = IndexedValueType.Keyword } };
        server = await TemporalSandboxServer.StartAsync(options, CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ExtraNamespaceAndRegisteredAttribute_UsableFromClient()
    {
        var client = await TemporalClient.ConnectAsync(new(server.Target) { Namespace = "staging" });
        var options = new WorkflowOptions(Contract.NewId("ns"), Contract.NewId("tq"))
        {
            TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(Region, "eu-west-1").ToSearchAttributeCollection(),
        };

        var handle = await client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), options);

        Assert.Equal(1, (await client.CountWorkflowsAsync("Region = 'eu-west-1'")).Count);
        await handle.TerminateAsync("test done");
    }

    [Fact]
    public async Task StartWorkflow_UnregisteredSearchAttribute_RejectedAsInvalidArgument()
    {
        var client = await TemporalClient.ConnectAsync(new(server.Target));
        var options = new WorkflowOptions(Contract.NewId("unregistered"), Contract.NewId("tq"))
        {
            TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(SearchAttributeKey.CreateKeyword("NotRegistered"), "x").ToSearchAttributeCollection(),
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), options));

        Assert.Equal(RpcException.StatusCode.InvalidArgument, error.Code);
        Assert.Contains("NotRegistered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_UnknownNamespace_StartFailsWithNotFound()
    {
        var client = await TemporalClient.ConnectAsync(new(server.Target) { Namespace = "nowhere" });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => client.StartWorkflowAsync((WaitForeverWorkflow wf) => wf.RunAsync(), new(Contract.NewId("nowhere"), Contract.NewId("tq"))));

        Assert.Equal(RpcException.StatusCode.NotFound, error.Code);
    }
}
