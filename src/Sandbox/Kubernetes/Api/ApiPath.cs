namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// A resource URL taken apart: <c>/api/v1/…</c> or <c>/apis/{group}/{version}/…</c>, then
/// <c>[watch/][namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>. Plural is null for the
/// group version itself (discovery).
/// </summary>
public sealed record ApiPath(string Group, string Version, string? Namespace, string? Plural, string? Name, string? Subresource, bool WatchPrefix)
{
    private static HashSet<string> NamespaceSubresources { get; } = ["status", "finalize"];

    public static ApiPath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        string group;
        string version;
        List<string> rest;
        if (segments.Count >= 2 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments.Count >= 3 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        var watch = rest.Count > 0 && rest[0] == "watch";
        if (watch)
        {
            rest = rest[1..];
        }

        if (rest.Count == 0)
        {
            return new ApiPath(group, version, null, null, null, null, watch);
        }

        if (rest[0] == "namespaces" && rest.Count >= 3 && !(rest.Count == 3 && NamespaceSubresources.Contains(rest[2])))
        {
            return rest.Count > 5
                ? null
                : new ApiPath(group, version, rest[1], rest[2], rest.ElementAtOrDefault(3), rest.ElementAtOrDefault(4), watch);
        }

        return rest.Count > 3
            ? null
            : new ApiPath(group, version, null, rest[0], rest.ElementAtOrDefault(1), rest.ElementAtOrDefault(2), watch);
    }
}
