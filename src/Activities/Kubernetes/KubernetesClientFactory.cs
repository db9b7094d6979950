namespace RolloutWorkflows.Activities.Kubernetes;

using k8s;

/// <summary>Builds the KubernetesClient from <see cref="KubernetesOptions"/>.</summary>
public static class KubernetesClientFactory
{
    /// <summary>
    /// In-cluster configuration when no kubeconfig is named and the process runs in a Pod;
    /// otherwise the named (or default) kubeconfig and context.
    /// </summary>
    public static KubernetesClientConfiguration BuildConfiguration(KubernetesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Kubeconfig) && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var path = string.IsNullOrWhiteSpace(options.Kubeconfig) ? null : options.Kubeconfig;
        var context = string.IsNullOrWhiteSpace(options.Context) ? null : options.Context;
        return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
    }

    /// <summary>Creates a client for the configured cluster.</summary>
    public static IKubernetes Create(KubernetesOptions options) => new k8s.Kubernetes(BuildConfiguration(options));
}
