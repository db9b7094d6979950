namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

/// <summary>Runs a client call that must fail and returns the Status body the server sent.</summary>
internal static class ApiError
{
    public static async Task<V1Status> ExpectAsync(HttpStatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.Equal(code, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("Status", status.Kind);
        Assert.Equal((int)code, status.Code);
        return status;
    }
}
