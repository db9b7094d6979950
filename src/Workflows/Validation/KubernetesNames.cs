namespace RolloutWorkflows.Workflows.Validation;

using System.Text.RegularExpressions;

/// <summary>Kubernetes object name rules (RFC 1123), used to catch typos before the API server does.</summary>
public static partial class KubernetesNames
{
    /// <summary>Service names: a DNS label, at most 63 characters.</summary>
    public static bool IsLabel(string name) => name.Length <= 63 && LabelPattern().IsMatch(name);

    /// <summary>Most object names (Rollout, Ingress) and annotation prefixes: a DNS subdomain, at most 253 characters.</summary>
    public static bool IsSubdomain(string name) => name.Length <= 253 && SubdomainPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainPattern();
}
