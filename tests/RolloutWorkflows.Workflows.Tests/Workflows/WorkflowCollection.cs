namespace RolloutWorkflows.Workflows.Tests.Workflows;

/// <summary>Workflow test classes share one <see cref="WorkflowFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "Workflows";
}
