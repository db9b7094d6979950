namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Path ordering and rule conditions as the LBC derives them from an Ingress rule.</summary>
public static class IngressPaths
{
    /// <summary>Sorts paths as the LBC does: Exact first, then Prefix by length descending, then ImplementationSpecific, each stable.</summary>
    public static IReadOnlyList<V1HTTPIngressPath> Sorted(IEnumerable<V1HTTPIngressPath> paths)
    {
        var list = paths.ToList();
        return [.. list.Where(p => p.PathType == "Exact"),
            .. list.Where(p => p.PathType == "Prefix").OrderByDescending(p => (p.Path ?? "").Length),
            .. list.Where(p => p.PathType is not "Exact" and not "Prefix")];
    }

    /// <summary>Gets the conditions of the rule for a host and a path; `path-pattern /*` when there is nothing to match.</summary>
    public static IReadOnlyList<Elbv2Condition> Conditions(string? host, V1HTTPIngressPath path)
    {
        var conditions = new List<Elbv2Condition>();
        if (!string.IsNullOrEmpty(host))
        {
            conditions.Add(new Elbv2Condition("host-header", [host]));
        }

        var patterns = Patterns(path);
        if (patterns.Count > 0)
        {
            conditions.Add(new Elbv2Condition("path-pattern", patterns));
        }

        return conditions.Count > 0 ? conditions : [new Elbv2Condition("path-pattern", ["/*"])];
    }

    private static List<string> Patterns(V1HTTPIngressPath path)
    {
        var text = path.Path ?? "";
        if (path.PathType == "Prefix")
        {
            var trimmed = text.TrimEnd('/');
            return trimmed.Length == 0 ? ["/*"] : [trimmed, trimmed + "/*"];
        }

        return text.Length == 0 ? [] : [text];
    }
}
