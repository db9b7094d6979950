namespace RolloutWorkflows.Activities.Aws;

using System.Xml.Linq;

/// <summary>The <c>{Op}Result</c> element of a parsed response, with the namespace to read it in.</summary>
public sealed record Elbv2Result(XElement Result, XNamespace Ns, string? RequestId)
{
    /// <summary>The <c>NextMarker</c> of a paginated response; null or empty means the last page.</summary>
    public string? NextMarker => Text(Result, "NextMarker") is { Length: > 0 } marker ? marker : null;

    internal IEnumerable<XElement> Members(XElement parent, string listName) =>
        parent.Element(Ns + listName)?.Elements(Ns + "member") ?? [];

    internal string? Text(XElement? parent, string name) => parent?.Element(Ns + name)?.Value.Trim();

    internal string Required(XElement parent, string name) =>
        Text(parent, name) is { Length: > 0 } value ? value
        : throw Elbv2ResponseParser.Malformed(Result.Name.LocalName.Replace("Result", "", StringComparison.Ordinal), System.Net.HttpStatusCode.OK, $"<{parent.Name.LocalName}> has no <{name}>", null);
}
