namespace RolloutWorkflows.Activities.Alb;

/// <summary>
/// One rule path's backend: the Service name and its port, by name (<c>use-annotation</c>) or number.
/// <see cref="PortPath"/> is the field to fix in messages, e.g.
/// <c>spec.rules[0].http.paths[0].backend.service.port</c> (v1) or <c>...backend.servicePort</c> (legacy).
/// </summary>
public sealed record IngressBackendRef(string ServiceName, string? PortName, long? PortNumber, string PortPath)
{
    /// <summary>The port value that makes the LBC read the actions annotation.</summary>
    public const string UseAnnotation = "use-annotation";

    public bool UsesAnnotation => PortName == UseAnnotation;

    public string DescribePort() => PortName is not null ? $"\"{PortName}\"" : PortNumber is { } n ? $"{n}" : "nothing";
}
