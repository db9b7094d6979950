namespace RolloutWorkflows.Worker.Control;

using k8s;
using k8s.Autorest;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Reads the live replica counts of a rollout's ReplicaSets for <c>rollouts status</c>. The workflow knows which
/// ReplicaSets matter; only the cluster knows how many pods are ready now. Read-only, and best effort: without
/// Kubernetes access the view still shows the names, with the reason the counts are missing.
/// </summary>
public sealed class ReplicaSetReader
{
    private readonly IKubernetes? client;
    private readonly string? unavailable;

    public ReplicaSetReader(KubernetesOptions options)
    {
        try
        {
            client = KubernetesClientFactory.Create(options);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            unavailable = $"no Kubernetes access ({e.Message.Split('\n')[0]})";
        }
    }

    public async Task<IReadOnlyList<ReplicaSetLine>> ReadAsync(RolloutStatus status, CancellationToken cancellationToken)
    {
        var lines = new List<ReplicaSetLine>();
        foreach (var (role, name) in new[] { ("stable", status.StableReplicaSet), ("canary", status.CanaryReplicaSet) })
        {
            if (name is not null)
            {
                lines.Add(await ReadOneAsync(role, status.Namespace, name, cancellationToken));
            }
        }

        return lines;
    }

    private async Task<ReplicaSetLine> ReadOneAsync(string role, string ns, string name, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return new ReplicaSetLine(role, name, null, null, null, unavailable);
        }

        try
        {
            var replicaSet = await client.AppsV1.ReadNamespacedReplicaSetAsync(name, ns, cancellationToken: cancellationToken);
            return new ReplicaSetLine(role, name, replicaSet.Spec?.Replicas ?? 0, replicaSet.Status?.ReadyReplicas ?? 0, replicaSet.Status?.AvailableReplicas ?? 0, null);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new ReplicaSetLine(role, name, null, null, null, "not found in the cluster");
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            return new ReplicaSetLine(role, name, null, null, null, $"cannot read it: {e.Message}");
        }
    }
}
