namespace RolloutWorkflows.Sandbox.Temporal.Tests.Support;

/// <summary>Every contract test class shares one <see cref="TemporalFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TemporalCollection : ICollectionFixture<TemporalFixture>
{
    public const string Name = "Temporal";
}
