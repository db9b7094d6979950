namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>
/// Flags that override one configuration key each (<c>appsettings.json</c> and environment variables stay the
/// defaults), so every command reads the same settings the same way.
/// </summary>
public sealed class ConfigFlags
{
    private readonly List<(Option<string> Option, string Key)> flags = [];

    /// <summary>Adds how the CLI and the worker reach Temporal.</summary>
    public ConfigFlags WithTemporal() =>
        Add("--address", "Temporal:Address", "Temporal frontend host:port (Temporal:Address, TEMPORAL_ADDRESS; default localhost:7233).")
        .Add("--temporal-namespace", "Temporal:Namespace", "Temporal namespace (Temporal:Namespace, TEMPORAL_NAMESPACE; default default).")
        .Add("--task-queue", "Temporal:TaskQueue", "Task queue of the rollout workers (Temporal:TaskQueue; default rollouts).")
        .Add("--api-key", "Temporal:ApiKey", "Temporal API key (Temporal:ApiKey, TEMPORAL_API_KEY); implies TLS.")
        .Add("--tls", "Temporal:Tls", "Use TLS without client certificates: true or false (Temporal:Tls).")
        .Add("--tls-cert-path", "Temporal:TlsClientCertPath", "PEM client certificate for mTLS (Temporal:TlsClientCertPath, TEMPORAL_TLS_CLIENT_CERT_PATH).")
        .Add("--tls-key-path", "Temporal:TlsClientKeyPath", "PEM key of the client certificate (Temporal:TlsClientKeyPath, TEMPORAL_TLS_CLIENT_KEY_PATH).")
        .Add("--tls-ca-path", "Temporal:TlsServerCaCertPath", "PEM CA of the server's certificate (Temporal:TlsServerCaCertPath, TEMPORAL_TLS_SERVER_CA_CERT_PATH).")
        .Add("--tls-server-name", "Temporal:TlsServerName", "Server name to check the certificate against (Temporal:TlsServerName, TEMPORAL_TLS_SERVER_NAME).");

    /// <summary>Adds how the CLI and the worker reach Kubernetes.</summary>
    public ConfigFlags WithKubernetes() =>
        Add("--kubeconfig", "Kubernetes:Kubeconfig", "Kubeconfig file (Kubernetes:Kubeconfig); default: in-cluster, else KUBECONFIG or ~/.kube/config.")
        .Add("--context", "Kubernetes:Context", "Kubeconfig context (Kubernetes:Context).");

    /// <summary>Adds a flag for a configuration key.</summary>
    public ConfigFlags Add(string name, string key, string description)
    {
        flags.Add((new Option<string>(name) { Description = description }, key));
        return this;
    }

    /// <summary>Registers every flag on the command.</summary>
    public void AddTo(Command command)
    {
        foreach (var (option, _) in flags)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The configuration overrides of the flags given on this command line.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parseResult) =>
        flags.Where(f => parseResult.GetValue(f.Option) is not null)
            .Select(f => KeyValuePair.Create(f.Key, parseResult.GetValue(f.Option)));
}
