namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>Writes actions (listener default actions and rule actions) and conditions.</summary>
public static class ActionXml
{
    /// <summary>Writes a list of actions under <paramref name="name"/>.</summary>
    public static XElement Actions(string name, IEnumerable<Elbv2Action> actions) => Members(name, actions.OrderBy(a => a.Order), Member);

    /// <summary>Writes a list of conditions with both the legacy `Values` and the typed `*Config`.</summary>
    public static XElement Conditions(IEnumerable<Elbv2Condition> conditions) => Members("Conditions", conditions, c =>
    [
        E("Field", c.Field),
        Strings("Values", c.Values),
        ConfigName(c.Field) is { } config ? E(config, Strings("Values", c.Values)) : null,
    ]);

    private static object?[] Member(Elbv2Action action) =>
    [
        E("Type", action.Type),
        E("Order", action.Order.ToString(CultureInfo.InvariantCulture)),
        action.Forward is { } forward ? Forward(forward) : null,
        action.FixedResponse is { } fixedResponse
            ? E(
                "FixedResponseConfig",
                fixedResponse.MessageBody is null ? null : E("MessageBody", fixedResponse.MessageBody),
                E("ContentType", fixedResponse.ContentType),
                E("StatusCode", fixedResponse.StatusCode.ToString(CultureInfo.InvariantCulture)))
            : null,
    ];

    private static XElement Forward(Elbv2ForwardConfig forward) => E(
        "ForwardConfig",
        Members("TargetGroups", forward.TargetGroups, t => [E("TargetGroupArn", t.TargetGroupArn), E("Weight", t.Weight.ToString(CultureInfo.InvariantCulture))]),
        E(
            "TargetGroupStickinessConfig",
            E("Enabled", Bool(forward.StickinessEnabled)),
            forward.StickinessDurationSeconds is { } seconds ? E("DurationSeconds", seconds.ToString(CultureInfo.InvariantCulture)) : null));

    private static string? ConfigName(string field) => field switch
    {
        "path-pattern" => "PathPatternConfig",
        "host-header" => "HostHeaderConfig",
        "http-request-method" => "HttpRequestMethodConfig",
        "source-ip" => "SourceIpConfig",
        _ => null,
    };
}
