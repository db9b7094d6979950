namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>A referenced Kubernetes object does not exist; retrying will not help until someone creates it.</summary>
public sealed class KubernetesObjectNotFoundException : Exception
{
    public KubernetesObjectNotFoundException(string kind, string @namespace, string name, Exception? inner = null)
        : base($"{kind} {@namespace}/{name} not found: create it or fix the name in the Rollout", inner)
    {
        Kind = kind;
        Namespace = @namespace;
        Name = name;
    }

    /// <summary>The kind, e.g. <c>Service</c>.</summary>
    public string Kind { get; }

    /// <summary>The namespace looked in.</summary>
    public string Namespace { get; }

    /// <summary>The object's name.</summary>
    public string Name { get; }
}
