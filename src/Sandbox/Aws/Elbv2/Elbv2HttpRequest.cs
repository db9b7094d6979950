namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>An HTTP request as the emulator sees it, independent of Kestrel or an in-memory handler.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Raw (still encoded) path.</param>
/// <param name="Query">Raw query string without the leading `?`.</param>
/// <param name="Headers">Headers by lower-case name, each with all its values.</param>
/// <param name="Body">Request body bytes.</param>
public sealed record Elbv2HttpRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, byte[] Body)
{
    /// <summary>Gets the first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var values) && values.Count > 0 ? values[0] : null;
}
