namespace RolloutWorkflows.Worker.Hosting;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The configuration every command reads, lowest precedence first: <c>appsettings.json</c> next to the executable
/// and in the working directory, <c>TEMPORAL_*</c> variables (the Temporal CLI's names), environment variables
/// (<c>Temporal__Address</c>, <c>Rollouts__VerifyTargetGroups</c>, ...), then the command's own flags.
/// </summary>
public static class RolloutsConfiguration
{
    /// <summary>Builds the configuration; <paramref name="overrides"/> are flag values keyed by setting path.</summary>
    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddInMemoryCollection(TemporalCliVariables())
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    /// <summary>Reads the section as <typeparamref name="T"/> (defaults when absent).</summary>
    /// <exception cref="WorkerConfigurationException">A value does not convert (e.g. <c>--tls maybe</c>); the message names it.</exception>
    public static T Get<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error)
        {
            // The binder's message names the value, the key and the type it wanted.
            throw new WorkerConfigurationException([$"{error.Message} Fix the flag, the environment variable or appsettings.json."]);
        }
    }

    private static Dictionary<string, string?> TemporalCliVariables()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Map(string variable, string key)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                values[$"{TemporalSettings.SectionName}:{key}"] = value;
            }
        }

        Map("TEMPORAL_ADDRESS", nameof(TemporalSettings.Address));
        Map("TEMPORAL_NAMESPACE", nameof(TemporalSettings.Namespace));
        Map("TEMPORAL_API_KEY", nameof(TemporalSettings.ApiKey));
        Map("TEMPORAL_TLS_CLIENT_CERT_PATH", nameof(TemporalSettings.TlsClientCertPath));
        Map("TEMPORAL_TLS_CLIENT_KEY_PATH", nameof(TemporalSettings.TlsClientKeyPath));
        Map("TEMPORAL_TLS_SERVER_CA_CERT_PATH", nameof(TemporalSettings.TlsServerCaCertPath));
        Map("TEMPORAL_TLS_SERVER_NAME", nameof(TemporalSettings.TlsServerName));
        return values;
    }
}
