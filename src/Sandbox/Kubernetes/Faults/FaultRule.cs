namespace RolloutWorkflows.Sandbox.Kubernetes.Faults;

/// <summary>
/// Which requests a fault applies to and how they are answered. Null matchers match everything.
/// Either <see cref="Count"/> (the next N matching requests) or <see cref="Share"/> (a fraction, drawn
/// from a seeded generator so runs repeat) selects the victims.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Gets the Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection.</summary>
    public string? Verb { get; init; }

    /// <summary>Gets the resource plural, e.g. <c>ingresses</c>.</summary>
    public string? Resource { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    /// <summary>Gets the HTTP status answered: 409, 429, 500 or 503.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>Gets how many matching requests fail; null means unlimited (use with Share).</summary>
    public int? Count { get; init; } = 1;

    /// <summary>Gets the fraction (0..1] of matching requests that fail.</summary>
    public double Share { get; init; } = 1.0;

    /// <summary>Gets the Retry-After seconds sent with 429.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    public bool Matches(string verb, string resource, string? ns, string? name) =>
        (Verb is null || Verb == verb) && (Resource is null || Resource == resource)
        && (Namespace is null || Namespace == ns) && (Name is null || Name == name);
}
