namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

public class StatusProjectionTests
{
    private static DateTime Now => new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Project_Updating_ShowsStepCanaryAndStableReplicaSets()
    {
        var state = RolloutTransitions.Accept(new RolloutState { StableHash = "old", StableRevision = 1, LastRevisionNumber = 1 }, Specs.Canary(pingPong: true), Now);

        var status = StatusProjection.Project("default", "web", state);

        Assert.Equal("Progressing", status.Phase);
        Assert.Equal("step 1/4: ensure ReplicaSet new (0 replicas)", status.Message);
        Assert.Equal("canary", status.Strategy);
        Assert.Equal(2, status.Revision);
        Assert.Equal(4, status.Steps);
        Assert.Equal("web-old", status.StableReplicaSet);
        Assert.Equal("web-new", status.CanaryReplicaSet);
        Assert.Equal("ping", status.StablePingPong);
    }

    [Fact]
    public void Project_NothingDeployed_WaitsForTheFirstRevision()
    {
        var status = StatusProjection.Project("default", "web", new RolloutState());

        Assert.Equal("Progressing", status.Phase);
        Assert.Equal("waiting for the first revision", status.Message);
        Assert.Null(status.StableReplicaSet);
    }

    [Fact]
    public void RolloutIds_WorkflowId_IsNamespaceAndName()
    {
        Assert.Equal("rollout/default/web", RolloutIds.WorkflowId("default", "web"));
    }
}
