namespace RolloutWorkflows.Activities.Tests.Aws;

/// <summary>Sets (or, with null, removes) environment variables and restores the previous values on dispose.</summary>
public sealed class EnvironmentScope : IDisposable
{
    /// <summary>Every variable the AWS SDK's credential and region chains read, cleared by default so the machine cannot leak in.</summary>
    public static IReadOnlyList<string> AwsVariables { get; } =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS",
        "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED",
    ];

    private readonly Dictionary<string, string?> previous = new(StringComparer.Ordinal);

    /// <summary>Clears every AWS variable, points the shared config files at nothing, disables IMDS, then applies <paramref name="values"/>.</summary>
    public EnvironmentScope(IReadOnlyDictionary<string, string?> values)
    {
        var missing = Path.Combine(Path.GetTempPath(), "rollouts-no-aws-config-" + Guid.NewGuid().ToString("N"));
        foreach (var name in AwsVariables.Concat(values.Keys).Distinct(StringComparer.Ordinal))
        {
            previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", missing);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", missing);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var (name, value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Amazon.Runtime.FallbackRegionFactory.Reset();
    }

    public void Dispose()
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Amazon.Runtime.FallbackRegionFactory.Reset();
    }
}
