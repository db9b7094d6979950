namespace RolloutWorkflows.Worker.Sandbox;

using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Worker.Demo;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>Creates the Services and Ingresses of manifests through the Kubernetes API (what `kubectl create -f` would do).</summary>
public static class ManifestSeeder
{
    /// <summary>Every example (canary `web`, ping-pong `web-pp`, blue-green `web-bg`): Rollouts, Services and Ingresses.</summary>
    public static IReadOnlyList<string> Examples { get; } =
        [DemoManifests.Read("rollout.yaml"), DemoManifests.Read("services.yaml"), DemoManifests.Read("ingress.yaml"), DemoManifests.Read("pingpong.yaml"), DemoManifests.Read("bluegreen.yaml")];

    /// <summary>
    /// Creates the Services and Ingresses of a manifest; with <paramref name="stableReplicaSets"/>, also each Rollout's
    /// ReplicaSet as the rollout itself would create it (named and labelled by its pod-template hash), i.e. an
    /// application already running at that revision, which the rollout's first deploy adopts. Other kinds are
    /// skipped. Returns what it created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IKubernetes client, string manifest, bool stableReplicaSets = false, CancellationToken cancellationToken = default)
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
                case "Rollout" when stableReplicaSets:
                    created.Add($"ReplicaSet/{ns}/{await CreateReplicaSetAsync(client, document, cancellationToken)}");
                    continue;
                default:
                    continue;
            }

            created.Add($"{document.Kind}/{ns}/{document.Name}");
        }

        return created;
    }

    private static async Task<string> CreateReplicaSetAsync(IKubernetes client, ManifestDocument document, CancellationToken cancellationToken)
    {
        var read = RolloutValidator.ReadAndValidate((JsonObject)document.Object.DeepClone());
        if (read.Rollout is null || read.Problems.Count > 0)
        {
            throw new InvalidOperationException($"seed manifest: {document.Describe()}: {string.Join("; ", read.Problems)}");
        }

        var revision = RolloutRevisionMapper.ToRevision(read.Rollout, new RolloutSettings());
        var template = new ReplicaSetTemplate(
            revision.Spec.Namespace,
            revision.Spec.Name,
            revision.PodTemplateHash,
            revision.Spec.Replicas,
            revision.Spec.SelectorMatchLabels,
            (JsonObject)JsonNode.Parse(revision.PodTemplateJson)!,
            Revision: 1);
        await new ReplicaSetGateway(client).EnsureReplicaSetAsync(template, cancellationToken);
        return template.ReplicaSetName;
    }
}
