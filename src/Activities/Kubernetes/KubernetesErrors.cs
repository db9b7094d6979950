namespace RolloutWorkflows.Activities.Kubernetes;

using System.Net;
using k8s.Autorest;

/// <summary>Classifies KubernetesClient failures.</summary>
internal static class KubernetesErrors
{
    public static bool IsNotFound(Exception e) => e is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception e) => e is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict };

    public static bool IsAlreadyExists(Exception e) => IsConflict(e);
}
