namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeLoadBalancers: by Names or LoadBalancerArns (not both) or all, paged.</summary>
public static class DescribeLoadBalancersOperation
{
    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var names = query.GetList("Names");
        var arns = query.GetList("LoadBalancerArns");
        if (names.Count > 0 && arns.Count > 0)
        {
            throw Elbv2Exception.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        if (arns.Count > 20)
        {
            throw Elbv2Exception.Validation($"1 validation error detected: Value at 'loadBalancerArns' failed to satisfy constraint: Member must have length less than or equal to 20 (got {arns.Count})");
        }

        var all = store.LoadBalancers;
        IReadOnlyList<Elbv2LoadBalancer> selected = all;
        if (arns.Count > 0)
        {
            var missing = arns.Where(a => !all.Any(l => l.Arn == a)).ToList();
            selected = missing.Count > 0
                ? throw Elbv2Exception.NotFound("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", missing)}]' not found")
                : [.. all.Where(l => arns.Contains(l.Arn))];
        }
        else if (names.Count > 0)
        {
            var missing = names.Where(n => !all.Any(l => l.Name == n)).ToList();
            selected = missing.Count > 0
                ? throw Elbv2Exception.NotFound("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", missing)}]' not found")
                : [.. all.Where(l => names.Contains(l.Name))];
        }

        var (page, next) = Elbv2Paging.Page(selected, query);
        yield return Members("LoadBalancers", page, Member);
        if (next is not null)
        {
            yield return E("NextMarker", next);
        }
    }

    private static object?[] Member(Elbv2LoadBalancer lb) =>
    [
        E("LoadBalancerArn", lb.Arn),
        E("DNSName", lb.DnsName),
        E("CanonicalHostedZoneId", "Z1H1FL5HABSF5"),
        E("CreatedTime", Time(lb.CreatedTime)),
        E("LoadBalancerName", lb.Name),
        E("Scheme", lb.Scheme),
        E("VpcId", lb.VpcId),
        E("State", E("Code", lb.State)),
        E("Type", "application"),
        Members("AvailabilityZones", ["a", "b"], zone => [E("ZoneName", $"{RegionOf(lb.Arn)}{zone}"), E("SubnetId", $"subnet-0{zone}{zone}{zone}1111bbbb2222c"), E("LoadBalancerAddresses")]),
        Strings("SecurityGroups", ["sg-0123456789abcdef0"]),
        E("IpAddressType", "ipv4"),
    ];

    private static string RegionOf(string arn) => arn.Split(':')[3];
}
