namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using RolloutWorkflows.Sandbox.Temporal.Tests.Support;

/// <summary>grpc.health.v1 as the real frontend serves it: what worker readiness probes ask.</summary>
[Collection(TemporalCollection.Name)]
public sealed class HealthTests(TemporalFixture fixture)
{
    [Fact]
    public async Task CheckHealth_WorkflowService_Serving()
    {
        Assert.True(await fixture.Client.Connection.CheckHealthAsync());
    }
}
