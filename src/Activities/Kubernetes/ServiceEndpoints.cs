namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>
/// The endpoints of one Service port, as <c>ip:targetPort</c> strings, split by readiness.
/// Target groups in IP mode register exactly the ready ones.
/// </summary>
public sealed record ServiceEndpoints(
    string Namespace,
    string ServiceName,
    int ServicePort,
    IReadOnlyList<string> Ready,
    IReadOnlyList<string> NotReady,
    string Source);
