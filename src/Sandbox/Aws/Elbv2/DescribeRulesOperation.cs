namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeRules: by ListenerArn (rules by priority, then the default rule) or RuleArns, paged.</summary>
public static class DescribeRulesOperation
{
    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var listenerArn = query.Get("ListenerArn");
        var arns = query.GetList("RuleArns");
        if ((listenerArn is null) == (arns.Count == 0))
        {
            throw Elbv2Exception.Validation("You must specify either listener rule ARNs or a listener ARN (not both)");
        }

        var (page, next) = Elbv2Paging.Page(Select(store, listenerArn, arns), query);
        yield return Members("Rules", page, Member);
        if (next is not null)
        {
            yield return E("NextMarker", next);
        }
    }

    private static List<RuleView> Select(Elbv2Store store, string? listenerArn, IReadOnlyList<string> arns)
    {
        if (listenerArn is not null)
        {
            var listener = store.Listeners.FirstOrDefault(l => l.Arn == listenerArn)
                ?? throw Elbv2Exception.NotFound("ListenerNotFound", $"Listener '{listenerArn}' not found");
            return [.. store.GetRules(listenerArn).Select(RuleView.Of), DefaultRule(store, listener)];
        }

        var views = new List<RuleView>();
        foreach (var arn in arns)
        {
            var rule = store.FindRule(arn);
            var defaultOf = store.Listeners.FirstOrDefault(l => store.Arns.Rule(l.Arn, "default") == arn);
            views.Add(rule is not null ? RuleView.Of(rule)
                : defaultOf is not null ? DefaultRule(store, defaultOf)
                : throw Elbv2Exception.NotFound("RuleNotFound", $"One or more rules not found: '{arn}'"));
        }

        return views;
    }

    private static RuleView DefaultRule(Elbv2Store store, Elbv2Listener listener) =>
        new(store.Arns.Rule(listener.Arn, "default"), "default", true, [], listener.DefaultActions);

    private static object?[] Member(RuleView rule) =>
    [
        E("RuleArn", rule.Arn),
        E("Priority", rule.Priority),
        E("IsDefault", Bool(rule.IsDefault)),
        ActionXml.Conditions(rule.Conditions),
        ActionXml.Actions("Actions", rule.Actions),
    ];

    private sealed record RuleView(string Arn, string Priority, bool IsDefault, IReadOnlyList<Elbv2Condition> Conditions, IReadOnlyList<Elbv2Action> Actions)
    {
        public static RuleView Of(Elbv2Rule rule) =>
            new(rule.Arn, rule.Priority.ToString(CultureInfo.InvariantCulture), false, rule.Conditions, rule.Actions);
    }
}
