namespace RolloutWorkflows.Worker.Sandbox;

using k8s;
using k8s.Models;
using RolloutWorkflows.Worker.Demo;
using RolloutWorkflows.Workflows.Model;

/// <summary>Creates the Services and Ingresses of manifests through the Kubernetes API (what `kubectl create -f` would do).</summary>
public static class ManifestSeeder
{
    /// <summary>The Services and Ingresses of every example (canary `web`, ping-pong `web-pp`, blue-green `web-bg`).</summary>
    public static IReadOnlyList<string> Examples { get; } =
        [DemoManifests.Read("services.yaml"), DemoManifests.Read("ingress.yaml"), DemoManifests.Read("pingpong.yaml"), DemoManifests.Read("bluegreen.yaml")];

    /// <summary>Creates the Services and Ingresses of a manifest (other kinds, e.g. the Rollout itself, are skipped); returns what it created.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IKubernetes client, string manifest, CancellationToken cancellationToken = default)
    {
        var parsed = RolloutManifestParser.ParseDocuments(manifest, "seed");
        if (parsed.Problems.Count > 0)
        {
            throw new InvalidOperationException($"seed manifest: {parsed.Problems[0]}");
        }

        var created = new List<string>();
        foreach (var document in parsed.Documents)
        {
            var json = document.Object.ToJsonString();
            var ns = document.Object["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
            switch (document.Kind)
            {
                case "Service":
                    await client.CoreV1.CreateNamespacedServiceAsync(KubernetesJson.Deserialize<V1Service>(json), ns, cancellationToken: cancellationToken);
                    break;
                case "Ingress":
                    await client.NetworkingV1.CreateNamespacedIngressAsync(KubernetesJson.Deserialize<V1Ingress>(json), ns, cancellationToken: cancellationToken);
                    break;
                default:
                    continue;
            }

            created.Add($"{document.Kind}/{ns}/{document.Name}");
        }

        return created;
    }
}
