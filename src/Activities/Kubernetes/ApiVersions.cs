namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Splits <c>group/version</c> API versions; the core group has no slash.</summary>
internal static class ApiVersions
{
    public static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
