namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Globalization;
using System.Xml.Linq;

/// <summary>The XML envelopes of the 2015-12-01 Query API and small element helpers.</summary>
public static class Elbv2Xml
{
    /// <summary>The namespace of every response.</summary>
    public static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    /// <summary>Writes `&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata&gt;…` for a successful call.</summary>
    public static string Response(string operation, IEnumerable<XElement> result, string requestId) =>
        Document(new XElement(
            Ns + (operation + "Response"),
            new XElement(Ns + (operation + "Result"), result),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", requestId))));

    /// <summary>Writes the `ErrorResponse` of an error.</summary>
    public static string Error(Elbv2Exception error, string requestId) =>
        Document(new XElement(
            Ns + "ErrorResponse",
            new XElement(Ns + "Error", E("Type", error.ErrorType), E("Code", error.Code), E("Message", error.Message)),
            E("RequestId", requestId)));

    /// <summary>Creates an element in the response namespace.</summary>
    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>Creates a list element with one `member` per item.</summary>
    public static XElement Members<T>(string name, IEnumerable<T> items, Func<T, object?[]> member) =>
        new(Ns + name, items.Select(i => new XElement(Ns + "member", member(i))));

    /// <summary>Creates a list element of plain string members.</summary>
    public static XElement Strings(string name, IEnumerable<string> values) =>
        new(Ns + name, values.Select(v => new XElement(Ns + "member", v)));

    /// <summary>Formats a timestamp as AWS does (ISO-8601 with milliseconds, UTC).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a boolean as `true`/`false`.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    private static string Document(XElement root) => new XDeclaration("1.0", "utf-8", null) + root.ToString(SaveOptions.DisableFormatting);
}
