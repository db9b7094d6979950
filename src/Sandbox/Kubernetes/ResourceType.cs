namespace RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// One served resource: where it lives in the URL space and which semantics the server applies to it.
/// </summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version within the group.</param>
/// <param name="Plural">Resource name in URLs.</param>
/// <param name="Kind">Object kind.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>Gets a value indicating whether the kind has a <c>/status</c> subresource (status isolation).</summary>
    public bool HasStatus { get; init; }

    /// <summary>Gets a value indicating whether the kind has a <c>/scale</c> subresource.</summary>
    public bool HasScale { get; init; }

    /// <summary>Gets a value indicating whether strategic merge patch is accepted (built-in kinds only).</summary>
    public bool StrategicMerge { get; init; } = true;

    /// <summary>Gets a value indicating whether DELETE answers the deleted object (otherwise a Success Status).</summary>
    public bool DeleteReturnsObject { get; init; }

    /// <summary>Gets a value indicating whether the kind is a custom resource (CRD-defined).</summary>
    public bool Custom { get; init; }

    /// <summary>Gets the short names shown by discovery (kubectl get rs).</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Gets the JSON paths of the scale subresource (CRDs may choose their own).</summary>
    public ScalePaths Scale { get; init; } = ScalePaths.Default;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>Gets the name used in error messages, e.g. <c>ingresses.networking.k8s.io</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Gets the storage key; every group version of a resource is stored separately.</summary>
    public string Key => $"{ApiVersion}/{Plural}";
}
