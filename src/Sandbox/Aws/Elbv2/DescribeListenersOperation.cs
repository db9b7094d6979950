namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeListeners: by LoadBalancerArn or ListenerArns (exactly one), paged.</summary>
public static class DescribeListenersOperation
{
    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var lbArn = query.Get("LoadBalancerArn");
        var arns = query.GetList("ListenerArns");
        if ((lbArn is null) == (arns.Count == 0))
        {
            throw Elbv2Exception.Validation("You must specify either listener ARNs or a load balancer ARN (not both)");
        }

        var all = store.Listeners;
        IReadOnlyList<Elbv2Listener> selected;
        if (lbArn is not null)
        {
            selected = store.LoadBalancers.Any(l => l.Arn == lbArn)
                ? [.. all.Where(l => l.LoadBalancerArn == lbArn)]
                : throw Elbv2Exception.NotFound("LoadBalancerNotFound", $"Load balancer '{lbArn}' not found");
        }
        else
        {
            var missing = arns.FirstOrDefault(a => !all.Any(l => l.Arn == a));
            selected = missing is not null
                ? throw Elbv2Exception.NotFound("ListenerNotFound", $"Listener '{missing}' not found")
                : [.. all.Where(l => arns.Contains(l.Arn))];
        }

        var (page, next) = Elbv2Paging.Page(selected, query);
        yield return Members("Listeners", page, l =>
        [
            E("ListenerArn", l.Arn),
            E("LoadBalancerArn", l.LoadBalancerArn),
            E("Port", l.Port.ToString(CultureInfo.InvariantCulture)),
            E("Protocol", l.Protocol),
            ActionXml.Actions("DefaultActions", l.DefaultActions),
        ]);
        if (next is not null)
        {
            yield return E("NextMarker", next);
        }
    }
}
