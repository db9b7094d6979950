namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeTargetHealth: all targets of TargetGroupArn, or only the given Targets; not paged.</summary>
public static class DescribeTargetHealthOperation
{
    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var arn = query.Get("TargetGroupArn")
            ?? throw Elbv2Exception.Validation("1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null");
        if (!store.TargetGroups.Any(t => t.Arn == arn))
        {
            throw Elbv2Exception.NotFound("TargetGroupNotFound", $"Target groups '[{arn}]' not found");
        }

        var health = store.GetTargetHealth(arn);
        var filter = query.GetStructList("Targets");
        if (filter.Count > 0)
        {
            health = [.. filter.Select(f => Lookup(health, f))];
        }

        return [Members("TargetHealthDescriptions", health, Member)];
    }

    private static Elbv2TargetHealth Lookup(IReadOnlyList<Elbv2TargetHealth> health, IReadOnlyDictionary<string, string> target)
    {
        var id = target.GetValueOrDefault("Id") ?? throw Elbv2Exception.Validation("Targets.member.N.Id is required for every target");
        int? port = target.TryGetValue("Port", out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : throw Elbv2Exception.Validation($"Target port '{text}' must be an integer")
            : null;
        return health.FirstOrDefault(h => h.Id == id && (port is null || h.Port == port))
            ?? new Elbv2TargetHealth(id, port ?? 0, target.GetValueOrDefault("AvailabilityZone"), "unused", "Target.NotRegistered", "Target is not registered to the target group");
    }

    private static object?[] Member(Elbv2TargetHealth h) =>
    [
        E(
            "Target",
            E("Id", h.Id),
            E("Port", h.Port.ToString(CultureInfo.InvariantCulture)),
            h.AvailabilityZone is null ? null : E("AvailabilityZone", h.AvailabilityZone)),
        E("HealthCheckPort", h.Port.ToString(CultureInfo.InvariantCulture)),
        E(
            "TargetHealth",
            E("State", h.State),
            h.Reason is null ? null : E("Reason", h.Reason),
            h.Description is null ? null : E("Description", h.Description)),
    ];
}
