namespace RolloutWorkflows.Activities.Verification;

/// <summary>A service's ready endpoints (<c>ip:targetPort</c>) that must be registered in each IP-mode target group
/// bound to it. Target groups come from <see cref="TargetGroups"/> (TargetGroupBindings), else from <see cref="Lookup"/>.</summary>
public sealed record TargetVerificationRequest(
    string Namespace,
    string ServiceName,
    IReadOnlyList<string> ReadyEndpoints,
    IReadOnlyList<TargetGroupRef> TargetGroups,
    TargetGroupLookup? Lookup = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Namespace) || string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new ArgumentException($"{nameof(TargetVerificationRequest)}.{nameof(Namespace)} and .{nameof(ServiceName)} must name the service.", nameof(ServiceName));
        }

        foreach (var endpoint in ReadyEndpoints)
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
            {
                throw new ArgumentException($"{nameof(TargetVerificationRequest)}.{nameof(ReadyEndpoints)} entry '{endpoint}' must be ip:port with a numeric target port, e.g. 10.0.1.17:8080.", nameof(ReadyEndpoints));
            }
        }

        if (TargetGroups.Count == 0 && Lookup is null)
        {
            throw new ArgumentException($"{nameof(TargetVerificationRequest)} needs {nameof(TargetGroups)} (from TargetGroupBindings) or a {nameof(Lookup)} (ingress, hostnames, port) to find them by the LBC's tags.", nameof(TargetGroups));
        }
    }
}
