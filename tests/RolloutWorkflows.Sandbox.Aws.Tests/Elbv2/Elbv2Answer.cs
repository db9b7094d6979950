namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using System.Xml.Linq;

/// <summary>An answer of the emulator: HTTP status and parsed XML.</summary>
public sealed record Elbv2Answer(int Status, XDocument Xml)
{
    public static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public string? ErrorCode => Xml.Root?.Element(Ns + "Error")?.Element(Ns + "Code")?.Value;

    public string? ErrorType => Xml.Root?.Element(Ns + "Error")?.Element(Ns + "Type")?.Value;

    public string? ErrorMessage => Xml.Root?.Element(Ns + "Error")?.Element(Ns + "Message")?.Value;

    public string? NextMarker => Xml.Descendants(Ns + "NextMarker").FirstOrDefault()?.Value;

    /// <summary>Gets the values of every element with this local name, in document order.</summary>
    public IReadOnlyList<string> Values(string name) => [.. Xml.Descendants(Ns + name).Select(e => e.Value)];

    /// <summary>Gets the `member` elements of the first list with this name.</summary>
    public IReadOnlyList<XElement> Members(string listName) =>
        [.. Xml.Descendants(Ns + listName).First().Elements(Ns + "member")];
}
