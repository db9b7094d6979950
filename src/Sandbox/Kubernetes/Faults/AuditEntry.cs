namespace RolloutWorkflows.Sandbox.Kubernetes.Faults;

/// <summary>One audited write.</summary>
/// <param name="Time">When it was answered (sandbox clock).</param>
/// <param name="Verb">create, update, patch, delete or deletecollection.</param>
/// <param name="Resource">Group-qualified plural, e.g. <c>ingresses.networking.k8s.io</c>.</param>
/// <param name="Namespace">Namespace from the URL.</param>
/// <param name="Name">Object name from the URL (null for create and deletecollection).</param>
/// <param name="Subresource">status or scale, when addressed.</param>
/// <param name="UserAgent">Who wrote (the User-Agent header).</param>
/// <param name="StatusCode">HTTP status answered.</param>
/// <param name="Body">The request body as sent.</param>
public sealed record AuditEntry(DateTimeOffset Time, string Verb, string Resource, string? Namespace, string? Name, string? Subresource, string UserAgent, int StatusCode, string Body);
