namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>Resource names as the LBC builds them: `k8s-%.8s-%.8s-%.10s` with a sha256 over the identity.</summary>
public static partial class LbcNames
{
    /// <summary>Gets the name of the load balancer of an implicit group (one Ingress).</summary>
    public static string LoadBalancer(string clusterName, string ingressNamespace, string ingressName, string scheme) =>
        Name(ingressNamespace, ingressName, clusterName, $"{ingressNamespace}/{ingressName}", scheme);

    /// <summary>Gets the name of the target group of a (Ingress, Service, port).</summary>
    public static string TargetGroup(string clusterName, string ingressNamespace, string ingressName, string serviceName, string? serviceUid, string port, int targetGroupPort) =>
        Name(ingressNamespace, serviceName, clusterName, $"{ingressNamespace}/{ingressName}", ingressNamespace, ingressName, serviceUid ?? "", port, targetGroupPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "ip", "HTTP", "HTTP1");

    private static string Name(string first, string second, params string[] identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', identity))))[..10];
        return $"k8s-{Clip(first)}-{Clip(second)}-{hash}";
    }

    private static string Clip(string text)
    {
        var clean = NonAlphanumeric().Replace(text, "");
        return clean.Length > 8 ? clean[..8] : clean;
    }

    [GeneratedRegex("[^a-zA-Z0-9]")]
    private static partial Regex NonAlphanumeric();
}
