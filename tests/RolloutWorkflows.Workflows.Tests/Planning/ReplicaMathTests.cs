namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Planning;

public class ReplicaMathTests
{
    [Theory]
    [InlineData(0, 4, 0)]
    [InlineData(1, 4, 1)]
    [InlineData(20, 4, 1)]
    [InlineData(25, 4, 1)]
    [InlineData(26, 4, 2)]
    [InlineData(50, 5, 3)]
    [InlineData(100, 4, 4)]
    [InlineData(150, 4, 4)]
    public void CanaryReplicas_RoundsUp(int weight, int replicas, int expected) =>
        Assert.Equal(expected, ReplicaMath.CanaryReplicas(weight, replicas));

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(30, 10, 7)]
    [InlineData(35, 10, 7)]
    [InlineData(100, 10, 0)]
    public void DynamicStableReplicas_KeepsWhatTheStableTrafficNeeds(int weight, int replicas, int expected) =>
        Assert.Equal(expected, ReplicaMath.DynamicStableReplicas(weight, replicas));
}
