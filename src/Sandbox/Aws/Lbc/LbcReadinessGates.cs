namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// The LBC's pod readiness gates: the <c>mpod.elbv2.k8s.aws</c> webhook, which gives a pod created in a
/// namespace labelled <c>elbv2.k8s.aws/pod-readiness-gate-inject: enabled</c> the gate
/// <c>target-health.elbv2.k8s.aws/&lt;binding&gt;</c> for each TargetGroupBinding whose Service selects it, and
/// the TargetGroupBinding controller's part, which sets that pod condition True once the pod's target is
/// healthy (False, with the target's reason, before). The webhook answers from what the last pass saw, as
/// the real one answers from its informer cache.
/// </summary>
internal sealed class LbcReadinessGates
{
    public const string WebhookName = "mpod.elbv2.k8s.aws";
    public const string InjectLabel = "elbv2.k8s.aws/pod-readiness-gate-inject";
    public const string ConditionPrefix = "target-health.elbv2.k8s.aws/";

    private readonly IKubernetes kubernetes;
    private readonly Elbv2Store store;
    private readonly LbcCounters counters;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private IReadOnlyList<GateBinding> gateBindings = [];

    public LbcReadinessGates(IKubernetes kubernetes, Elbv2Store store, LbcCounters counters, ILogger logger)
    {
        this.kubernetes = kubernetes;
        this.store = store;
        this.counters = counters;
        this.logger = logger;
    }

    /// <summary>The webhook: adds the gates of the bindings whose Service selects the pod (under the API server's store lock, so no API calls).</summary>
    public void MutatePod(JsonObject pod)
    {
        var ns = (string?)pod["metadata"]?["namespace"];
        var labels = pod["metadata"]?["labels"] as JsonObject;
        IReadOnlyList<GateBinding> candidates;
        lock (gate)
        {
            candidates = [.. gateBindings.Where(b => b.Namespace == ns)];
        }

        foreach (var binding in candidates.Where(b => b.Selector.Count > 0 && b.Selector.All(kv => (string?)labels?[kv.Key] == kv.Value)))
        {
            if (pod["spec"] is not JsonObject spec)
            {
                return;
            }

            if (spec["readinessGates"] is not JsonArray gates)
            {
                gates = [];
                spec["readinessGates"] = gates;
            }

            var type = ConditionPrefix + binding.Name;
            if (!gates.OfType<JsonObject>().Any(g => (string?)g["conditionType"] == type))
            {
                gates.Add(new JsonObject { ["conditionType"] = type });
            }
        }
    }

    /// <summary>Remembers, for the webhook, the bindings of the target groups in labelled namespaces.</summary>
    public void Refresh(LbcSnapshot snapshot, IReadOnlyList<DesiredAlb> current, Func<string, bool> bindingExists)
    {
        var enabled = snapshot.Namespaces.Where(n => K8sMaps.Value(n.Metadata.Labels, InjectLabel) == "enabled").Select(n => n.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var found = new List<GateBinding>();
        foreach (var group in current.SelectMany(a => a.TargetGroups).Where(g => enabled.Contains(g.ServiceNamespace) && bindingExists(g.TargetGroup.Arn)))
        {
            var service = snapshot.Services.FirstOrDefault(s => s.Metadata.NamespaceProperty == group.ServiceNamespace && s.Metadata.Name == group.ServiceName);
            var selector = service?.Spec?.Selector is { } map ? new Dictionary<string, string>(map, StringComparer.Ordinal) : [];
            found.Add(new GateBinding(group.ServiceNamespace, group.TargetGroup.Name, selector));
        }

        lock (gate)
        {
            gateBindings = found;
        }
    }

    /// <summary>Sets each gated pod's target-health condition from its target's health in ELBv2, where it changed.</summary>
    public async Task SyncConditionsAsync(LbcSnapshot snapshot, IReadOnlyList<DesiredAlb> current, Func<bool> running, CancellationToken cancellationToken)
    {
        var groups = current.SelectMany(a => a.TargetGroups).GroupBy(g => g.TargetGroup.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var pod in snapshot.Pods.Where(p => p.Status?.PodIP is not null && p.Metadata.DeletionTimestamp is null))
        {
            foreach (var gateType in (pod.Spec?.ReadinessGates ?? []).Select(g => g.ConditionType).Where(t => t?.StartsWith(ConditionPrefix, StringComparison.Ordinal) == true))
            {
                if (!running() || !groups.TryGetValue(gateType![ConditionPrefix.Length..], out var group))
                {
                    continue;
                }

                var health = store.GetTargetHealth(group.TargetGroup.Arn).FirstOrDefault(h => h.Id == pod.Status!.PodIP);
                var (status, reason, message) = health switch
                {
                    { State: "healthy" } => ("True", "", ""),
                    null => ("False", "Elb.RegistrationInProgress", "Target registration is in progress"),
                    _ => ("False", health.Reason ?? "", health.Description ?? ""),
                };
                var existing = pod.Status!.Conditions?.FirstOrDefault(c => c.Type == gateType);
                if (existing?.Status == status && (existing.Reason ?? "") == reason)
                {
                    continue;
                }

                await PatchConditionAsync(pod, gateType, status, reason, message, cancellationToken);
            }
        }
    }

    private async Task PatchConditionAsync(V1Pod pod, string type, string status, string reason, string message, CancellationToken cancellationToken)
    {
        var condition = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["status"] = status,
            ["reason"] = reason.Length == 0 ? null : reason,
            ["message"] = message.Length == 0 ? null : message,
            ["lastTransitionTime"] = store.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var patch = JsonSerializer.Serialize(new { status = new { conditions = new[] { condition } } });
        try
        {
            await kubernetes.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            counters.GateConditionPatched();
        }
        catch (HttpOperationException error)
        {
            counters.Failed();
            logger.LogWarning("LBC simulator could not set {Condition} on pod {Namespace}/{Pod}: {Status}", type, pod.Metadata.NamespaceProperty, pod.Metadata.Name, error.Response.StatusCode);
        }
    }

    private sealed record GateBinding(string Namespace, string Name, IReadOnlyDictionary<string, string> Selector);
}
