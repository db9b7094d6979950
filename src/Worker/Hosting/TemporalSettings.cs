namespace RolloutWorkflows.Worker.Hosting;

using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Client;

/// <summary>
/// How the worker and the CLI reach Temporal (configuration section <c>Temporal</c>, environment variables
/// <c>Temporal__Address</c> etc., or the usual <c>TEMPORAL_ADDRESS</c> / <c>TEMPORAL_NAMESPACE</c> / <c>TEMPORAL_API_KEY</c>).
/// </summary>
public sealed class TemporalSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Temporal";

    /// <summary>Frontend address, <c>host:port</c>.</summary>
    public string Address { get; set; } = "localhost:7233";

    /// <summary>Temporal namespace the rollouts live in.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>Task queue the worker polls and the CLI starts workflows on.</summary>
    public string TaskQueue { get; set; } = RolloutTaskQueue.Name;

    /// <summary>API key (Temporal Cloud); implies TLS.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Use TLS even without client certificates (implied by the other TLS settings and by an API key).</summary>
    public bool Tls { get; set; }

    /// <summary>PEM client certificate for mTLS.</summary>
    public string? TlsClientCertPath { get; set; }

    /// <summary>PEM private key of the client certificate.</summary>
    public string? TlsClientKeyPath { get; set; }

    /// <summary>PEM CA certificate that signed the server's certificate (when not a public CA).</summary>
    public string? TlsServerCaCertPath { get; set; }

    /// <summary>Server name to check the server's certificate against (when it differs from the address host).</summary>
    public string? TlsServerName { get; set; }

    private bool UsesTls => Tls || !string.IsNullOrEmpty(ApiKey) || !string.IsNullOrEmpty(TlsClientCertPath)
        || !string.IsNullOrEmpty(TlsServerCaCertPath) || !string.IsNullOrEmpty(TlsServerName);

    /// <summary>Every problem with these settings, each naming the setting and the fix; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var colon = Address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(Address.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            problems.Add($"{SectionName}:Address '{Address}' is not host:port; use e.g. localhost:7233 or my-ns.a2b3c.tmprl.cloud:7233.");
        }

        if (string.IsNullOrWhiteSpace(Namespace))
        {
            problems.Add($"{SectionName}:Namespace is empty; use the Temporal namespace of your rollouts, e.g. default.");
        }

        if (string.IsNullOrWhiteSpace(TaskQueue))
        {
            problems.Add($"{SectionName}:TaskQueue is empty; use e.g. {RolloutTaskQueue.Name} (the worker and the CLI must agree).");
        }

        if (string.IsNullOrEmpty(TlsClientCertPath) != string.IsNullOrEmpty(TlsClientKeyPath))
        {
            problems.Add($"{SectionName}:TlsClientCertPath and {SectionName}:TlsClientKeyPath go together for mTLS; set both or neither.");
        }

        foreach (var (name, path) in new[] { ("TlsClientCertPath", TlsClientCertPath), ("TlsClientKeyPath", TlsClientKeyPath), ("TlsServerCaCertPath", TlsServerCaCertPath) })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                problems.Add($"{SectionName}:{name} '{path}' does not exist; give the path of a PEM file.");
            }
        }

        return problems;
    }

    /// <summary>Client connection options for these settings (call <see cref="Validate"/> first).</summary>
    public TemporalClientConnectOptions ToConnectOptions()
    {
        var options = new TemporalClientConnectOptions(Address) { Namespace = Namespace };
        if (!string.IsNullOrEmpty(ApiKey))
        {
            options.ApiKey = ApiKey;
        }

        if (UsesTls)
        {
            options.Tls = new TlsOptions
            {
                ClientCert = ReadOptional(TlsClientCertPath),
                ClientPrivateKey = ReadOptional(TlsClientKeyPath),
                ServerRootCACert = ReadOptional(TlsServerCaCertPath),
                Domain = string.IsNullOrEmpty(TlsServerName) ? null : TlsServerName,
            };
        }

        return options;
    }

    private static byte[]? ReadOptional(string? path) => string.IsNullOrEmpty(path) ? null : File.ReadAllBytes(path);
}
