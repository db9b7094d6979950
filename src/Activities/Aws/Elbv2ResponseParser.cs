namespace RolloutWorkflows.Activities.Aws;

using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

/// <summary>Parses ELBv2 Query responses into our records. Results are read in the response's own XML
/// namespace (normally <see cref="Namespace"/>); unknown elements are ignored because AWS keeps adding fields;
/// absent and empty lists are the same.</summary>
public static class Elbv2ResponseParser
{
    /// <summary>The ELBv2 2015-12-01 response namespace.</summary>
    public const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    /// <summary>Parses a successful response and returns its <c>{Op}Result</c> element. A body that is not
    /// the expected document becomes a transient <c>MalformedResponse</c> error (AWS SDKs retry these too).</summary>
    public static Elbv2Result ParseResult(string operation, string body, HttpStatusCode status)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(body);
        }
        catch (XmlException e)
        {
            throw Malformed(operation, status, $"response is not XML: {e.Message}", e);
        }

        var root = doc.Root!;
        XNamespace ns = root.Name.Namespace;
        if (root.Name.LocalName != operation + "Response" || root.Element(ns + (operation + "Result")) is not { } result)
        {
            throw Malformed(operation, status, $"expected <{operation}Response><{operation}Result>, got <{root.Name.LocalName}>", null);
        }

        var requestId = root.Element(ns + "ResponseMetadata")?.Element(ns + "RequestId")?.Value;
        return new Elbv2Result(result, ns, requestId);
    }

    /// <summary>Turns an error response into an <see cref="Elbv2Exception"/>. Error elements are matched by
    /// local name so any namespace (or none) works; a body without <c>Error/Code</c> gets a code from the HTTP status.</summary>
    public static Elbv2Exception ParseError(string operation, string body, HttpStatusCode status)
    {
        XElement? root = null;
        try
        {
            root = XDocument.Parse(body).Root;
        }
        catch (XmlException)
        {
            // Non-XML error bodies (proxies, load balancers in front of endpoints) are classified by status below.
        }

        var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = Local(error, "Code");
        var requestId = Local(root, "RequestId") ?? Local(error, "RequestId");
        if (code is null)
        {
            code = (int)status >= 500 ? "ServiceUnavailable" : status == HttpStatusCode.TooManyRequests ? "Throttling" : "HttpError" + (int)status;
        }

        var message = Local(error, "Message") ?? (body.Length > 200 ? body[..200] : body);
        return new Elbv2Exception(operation, code, Local(error, "Type"), status, requestId, message);
    }

    internal static Elbv2Exception Malformed(string operation, HttpStatusCode status, string message, Exception? inner) =>
        new(operation, "MalformedResponse", "Receiver", status == HttpStatusCode.OK ? HttpStatusCode.BadGateway : status, null, message, inner);

    public static IReadOnlyList<Elbv2LoadBalancer> LoadBalancers(Elbv2Result r) =>
        r.Members(r.Result, "LoadBalancers").Select(m => new Elbv2LoadBalancer(
            r.Required(m, "LoadBalancerArn"),
            r.Text(m, "LoadBalancerName") ?? "",
            r.Text(m, "DNSName") ?? "",
            r.Text(m, "Scheme"),
            r.Text(m, "Type"),
            r.Text(m.Element(r.Ns + "State"), "Code"),
            r.Text(m, "VpcId"))).ToList();

    public static IReadOnlyList<Elbv2Listener> Listeners(Elbv2Result r) =>
        r.Members(r.Result, "Listeners").Select(m => new Elbv2Listener(
            r.Required(m, "ListenerArn"),
            r.Text(m, "LoadBalancerArn") ?? "",
            Int(r.Text(m, "Port")),
            r.Text(m, "Protocol"),
            Actions(r, m, "DefaultActions"))).ToList();

    public static IReadOnlyList<Elbv2Rule> Rules(Elbv2Result r) =>
        r.Members(r.Result, "Rules").Select(m => new Elbv2Rule(
            r.Required(m, "RuleArn"),
            r.Text(m, "Priority") ?? "",
            Bool(r.Text(m, "IsDefault")) ?? false,
            r.Members(m, "Conditions").Select(c => new Elbv2RuleCondition(
                r.Text(c, "Field") ?? "",
                ConditionValues(r, c))).ToList(),
            Actions(r, m, "Actions"))).ToList();

    public static IReadOnlyList<Elbv2TargetGroup> TargetGroups(Elbv2Result r) =>
        r.Members(r.Result, "TargetGroups").Select(m => new Elbv2TargetGroup(
            r.Required(m, "TargetGroupArn"),
            r.Text(m, "TargetGroupName") ?? "",
            r.Text(m, "Protocol"),
            Int(r.Text(m, "Port")),
            r.Text(m, "TargetType"),
            r.Text(m, "VpcId"),
            r.Members(m, "LoadBalancerArns").Select(e => e.Value.Trim()).ToList())).ToList();

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags(Elbv2Result r) =>
        r.Members(r.Result, "TagDescriptions").ToDictionary(
            m => r.Required(m, "ResourceArn"),
            m => (IReadOnlyDictionary<string, string>)r.Members(m, "Tags")
                .GroupBy(t => r.Text(t, "Key") ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => r.Text(g.Last(), "Value") ?? "", StringComparer.Ordinal),
            StringComparer.Ordinal);

    public static IReadOnlyList<Elbv2TargetHealth> TargetHealth(Elbv2Result r) =>
        r.Members(r.Result, "TargetHealthDescriptions").Select(m =>
        {
            var target = m.Element(r.Ns + "Target");
            var health = m.Element(r.Ns + "TargetHealth");
            return new Elbv2TargetHealth(
                r.Text(target, "Id") ?? "",
                Int(r.Text(target, "Port")),
                r.Text(target, "AvailabilityZone"),
                r.Text(health, "State") ?? "",
                r.Text(health, "Reason"),
                r.Text(health, "Description"));
        }).ToList();

    private static List<Elbv2Action> Actions(Elbv2Result r, XElement parent, string listName) =>
        r.Members(parent, listName).Select(a =>
        {
            var forward = a.Element(r.Ns + "ForwardConfig");
            var stickiness = forward?.Element(r.Ns + "TargetGroupStickinessConfig");
            var config = forward is null ? null : new Elbv2ForwardConfig(
                r.Members(forward, "TargetGroups").Select(t => new Elbv2WeightedTargetGroup(r.Required(t, "TargetGroupArn"), Int(r.Text(t, "Weight")))).ToList(),
                Bool(r.Text(stickiness, "Enabled")),
                Int(r.Text(stickiness, "DurationSeconds")));
            return new Elbv2Action(r.Text(a, "Type") ?? "", Int(r.Text(a, "Order")), r.Text(a, "TargetGroupArn"), config);
        }).OrderBy(a => a.Order ?? int.MaxValue).ToList();

    // Conditions carry either the legacy Values list or a typed *Config with its own Values; read both.
    private static List<string> ConditionValues(Elbv2Result r, XElement condition)
    {
        var values = r.Members(condition, "Values").Select(v => v.Value).ToList();
        foreach (var config in condition.Elements().Where(e => e.Name.LocalName.EndsWith("Config", StringComparison.Ordinal)))
        {
            values.AddRange(r.Members(config, "Values").Select(v => v.Value).Where(v => !values.Contains(v)));
        }

        return values;
    }

    private static string? Local(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? Bool(string? text) => bool.TryParse(text, out var value) ? value : null;
}
