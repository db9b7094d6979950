namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Builds realistic, deterministic ARNs and DNS names: the same name always gives the same ARN, so a
/// simulator that rebuilds its model keeps stable identities, as AWS does for resources it keeps.
/// </summary>
/// <param name="Region">AWS region, e.g. `us-west-2`.</param>
/// <param name="AccountId">Twelve-digit account id.</param>
public sealed record Elbv2Arns(string Region, string AccountId)
{
    /// <summary>The VPC every emulated resource lives in.</summary>
    public const string DefaultVpcId = "vpc-0abc1234def567890";

    private string Prefix => $"arn:aws:elasticloadbalancing:{Region}:{AccountId}:";

    /// <summary>Gets the ARN of the application load balancer with this name.</summary>
    public string LoadBalancer(string name) => $"{Prefix}loadbalancer/app/{name}/{HexId(name)}";

    /// <summary>Gets the ARN of a listener on a load balancer and port.</summary>
    public string Listener(string loadBalancerArn, int port)
    {
        var tail = loadBalancerArn[(loadBalancerArn.IndexOf("loadbalancer/", StringComparison.Ordinal) + "loadbalancer/".Length)..];
        return $"{Prefix}listener/{tail}/{HexId(loadBalancerArn + ":" + port.ToString(CultureInfo.InvariantCulture))}";
    }

    /// <summary>Gets the ARN of a listener rule identified by a stable key (e.g. its priority).</summary>
    public string Rule(string listenerArn, string key)
    {
        var tail = listenerArn[(listenerArn.IndexOf("listener/", StringComparison.Ordinal) + "listener/".Length)..];
        return $"{Prefix}listener-rule/{tail}/{HexId(listenerArn + ":" + key)}";
    }

    /// <summary>Gets the ARN of the target group with this name.</summary>
    public string TargetGroup(string name) => $"{Prefix}targetgroup/{name}/{HexId(name)}";

    /// <summary>Gets the lower-case DNS name AWS gives a load balancer: `&lt;name&gt;-&lt;10 digits&gt;.&lt;region&gt;.elb.amazonaws.com`.</summary>
    public string DnsName(string loadBalancerName, string scheme = "internet-facing")
    {
        var digits = (BitConverter.ToUInt32(Hash(loadBalancerName), 0) % 9_000_000_000L + 1_000_000_000L).ToString(CultureInfo.InvariantCulture);
        var prefix = scheme == "internal" ? "internal-" : "";
        return $"{prefix}{loadBalancerName}-{digits}.{Region}.elb.amazonaws.com".ToLowerInvariant();
    }

    /// <summary>Gets the resource kind of an ARN (`loadbalancer`, `listener`, `listener-rule`, `targetgroup`), or null.</summary>
    public static string? KindOf(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "elasticloadbalancing")
        {
            return null;
        }

        var slash = parts[5].IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : parts[5][..slash];
    }

    private static string HexId(string seed) => Convert.ToHexStringLower(Hash(seed), 0, 8);

    private static byte[] Hash(string seed) => SHA256.HashData(Encoding.UTF8.GetBytes(seed));
}
