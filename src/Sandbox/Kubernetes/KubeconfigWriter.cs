namespace RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// Writes a kubeconfig for a sandbox server that both <c>KubernetesClientConfiguration.BuildConfigFromConfigFile</c>
/// and <c>kubectl --kubeconfig</c> accept: one cluster, one user with a dummy token, one current context.
/// </summary>
public static class KubeconfigWriter
{
    public const string ContextName = "rolloutworkflows-sandbox";

    public static string Render(string server, string defaultNamespace = "default") =>
        $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {{ContextName}}
          cluster:
            server: {{server}}
        users:
        - name: {{ContextName}}
          user:
            token: sandbox
        contexts:
        - name: {{ContextName}}
          context:
            cluster: {{ContextName}}
            user: {{ContextName}}
            namespace: {{defaultNamespace}}
        current-context: {{ContextName}}
        preferences: {}

        """;

    /// <summary>What a CLI prints after writing the kubeconfig, so a newcomer can point kubectl at the sandbox.</summary>
    public static string Usage(string path, string server) =>
        $"""
        kubeconfig for {server} written to {path}; try:
          export KUBECONFIG={path}
          kubectl api-resources
          kubectl get pods,replicasets,services,endpointslices -A
        """;

    public static void Write(string path, string server, string defaultNamespace = "default")
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(server, defaultNamespace));
    }
}
