namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>How the worker reaches the Kubernetes API (configuration section <c>Kubernetes</c>).</summary>
public sealed class KubernetesOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Kubernetes";

    /// <summary>
    /// Path of a kubeconfig file. Empty means: in-cluster configuration when running in a Pod,
    /// else the default kubeconfig (<c>KUBECONFIG</c> or <c>~/.kube/config</c>).
    /// </summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Kubeconfig context to use; empty means the file's current context.</summary>
    public string? Context { get; set; }

    /// <summary>
    /// API group/version of TargetGroupBindings. EKS Auto Mode serves them as
    /// <c>eks.amazonaws.com/v1</c> (Argo Rollouts issue 4334), the LBC as <c>elbv2.k8s.aws/v1beta1</c>.
    /// </summary>
    public string TargetGroupBindingApiVersion { get; set; } = "elbv2.k8s.aws/v1beta1";

    /// <summary>
    /// API group/version used for Ingresses: <c>networking.k8s.io/v1</c> (every cluster since 1.22), or the
    /// legacy <c>extensions/v1beta1</c> / <c>networking.k8s.io/v1beta1</c> for old clusters.
    /// </summary>
    public string IngressApiVersion { get; set; } = "networking.k8s.io/v1";

    /// <summary>How many times a write re-reads and retries after a 409 Conflict.</summary>
    public int ConflictRetries { get; set; } = 5;
}
