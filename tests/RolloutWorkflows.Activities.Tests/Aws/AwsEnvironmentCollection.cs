namespace RolloutWorkflows.Activities.Tests.Aws;

/// <summary>Tests that set process-wide AWS environment variables run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection
{
    public const string Name = "AWS environment variables";
}
