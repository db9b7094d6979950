namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>
/// Declares the API access a gateway class needs. The RBAC manifest in <c>deploy/</c> is checked
/// against these declarations, so the worker is granted exactly what its code uses.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class KubernetesAccessAttribute : Attribute
{
    public KubernetesAccessAttribute(string apiGroup, string resource, params string[] verbs)
    {
        ApiGroup = apiGroup;
        Resource = resource;
        Verbs = verbs;
    }

    /// <summary>API group; empty for the core group.</summary>
    public string ApiGroup { get; }

    /// <summary>Plural resource name, with <c>/subresource</c> where one is used.</summary>
    public string Resource { get; }

    /// <summary>Verbs used, e.g. <c>get</c>, <c>patch</c>.</summary>
    public IReadOnlyList<string> Verbs { get; }
}
