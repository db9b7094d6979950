namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeTargetGroups: by at most one of LoadBalancerArn, TargetGroupArns or Names, or all; paged.</summary>
public static class DescribeTargetGroupsOperation
{
    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var lbArn = query.Get("LoadBalancerArn");
        var arns = query.GetList("TargetGroupArns");
        var names = query.GetList("Names");
        if ((lbArn is null ? 0 : 1) + (arns.Count > 0 ? 1 : 0) + (names.Count > 0 ? 1 : 0) > 1)
        {
            throw Elbv2Exception.Validation("Only one of LoadBalancerArn, TargetGroupArns or Names can be specified");
        }

        var all = store.TargetGroups;
        IReadOnlyList<Elbv2TargetGroup> selected = all;
        if (lbArn is not null)
        {
            // Real AWS answers an empty list for a load balancer without target groups (moto throws instead).
            selected = store.LoadBalancers.Any(l => l.Arn == lbArn)
                ? [.. all.Where(t => store.LoadBalancersOf(t.Arn).Contains(lbArn))]
                : throw Elbv2Exception.NotFound("LoadBalancerNotFound", $"Load balancer '{lbArn}' not found");
        }
        else if (arns.Count > 0)
        {
            var missing = arns.Where(a => !all.Any(t => t.Arn == a)).ToList();
            selected = missing.Count > 0
                ? throw Elbv2Exception.NotFound("TargetGroupNotFound", $"Target groups '[{string.Join(", ", missing)}]' not found")
                : [.. all.Where(t => arns.Contains(t.Arn))];
        }
        else if (names.Count > 0)
        {
            var missing = names.Where(n => !all.Any(t => t.Name == n)).ToList();
            selected = missing.Count > 0
                ? throw Elbv2Exception.NotFound("TargetGroupNotFound", $"One or more target groups not found: '[{string.Join(", ", missing)}]'")
                : [.. all.Where(t => names.Contains(t.Name))];
        }

        var (page, next) = Elbv2Paging.Page(selected, query);
        yield return Members("TargetGroups", page, t => Member(t, store.LoadBalancersOf(t.Arn)));
        if (next is not null)
        {
            yield return E("NextMarker", next);
        }
    }

    private static object?[] Member(Elbv2TargetGroup tg, IReadOnlyList<string> loadBalancerArns) =>
    [
        E("TargetGroupArn", tg.Arn),
        E("TargetGroupName", tg.Name),
        E("Protocol", tg.Protocol),
        E("Port", tg.Port.ToString(CultureInfo.InvariantCulture)),
        E("VpcId", tg.VpcId),
        E("HealthCheckProtocol", tg.Protocol),
        E("HealthCheckPort", "traffic-port"),
        E("HealthCheckEnabled", "true"),
        E("HealthCheckIntervalSeconds", "15"),
        E("HealthCheckTimeoutSeconds", "5"),
        E("HealthyThresholdCount", "2"),
        E("UnhealthyThresholdCount", "2"),
        E("HealthCheckPath", tg.HealthCheckPath),
        E("Matcher", E("HttpCode", "200")),
        Strings("LoadBalancerArns", loadBalancerArns),
        E("TargetType", tg.TargetType),
        E("ProtocolVersion", "HTTP1"),
        E("IpAddressType", "ipv4"),
    ];
}
