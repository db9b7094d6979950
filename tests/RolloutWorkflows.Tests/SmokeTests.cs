namespace RolloutWorkflows.Tests;

using RolloutWorkflows.Workflows.Contracts;

public class SmokeTests
{
    [Fact]
    public void TaskQueue_DefaultName_IsRollouts()
    {
        Assert.Equal("rollouts", RolloutTaskQueue.Name);
    }
}
