namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>
/// The controller's writes to Kubernetes after a deploy: Ingress status hostname, the
/// `SuccessfullyReconciled` event, and TargetGroupBinding objects when that resource exists.
/// Each write is best effort: a failure is logged and counted, and retried on a later pass.
/// </summary>
internal sealed class LbcKubernetesEffects
{
    private const string BindingGroup = "elbv2.k8s.aws";
    private const string BindingVersion = "v1beta1";
    private const string BindingPlural = "targetgroupbindings";
    private readonly IKubernetes kubernetes;
    private readonly LbcCounters counters;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Dictionary<string, (string Namespace, string Name)> bindings = new(StringComparer.Ordinal);

    public LbcKubernetesEffects(IKubernetes kubernetes, LbcCounters counters, TimeProvider timeProvider, ILogger logger)
    {
        this.kubernetes = kubernetes;
        this.counters = counters;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Writes the ALB's DNS name into the Ingress status when it differs.</summary>
    public async Task SyncStatusAsync(LbcSnapshot snapshot, DesiredAlb alb, CancellationToken cancellationToken)
    {
        var ingress = snapshot.Ingresses.FirstOrDefault(i => (i.Metadata.NamespaceProperty ?? "default") == alb.IngressNamespace && i.Metadata.Name == alb.IngressName);
        var current = ingress?.Status?.LoadBalancer?.Ingress?.Select(i => i.Hostname).ToList() ?? [];
        if (ingress is null || (current.Count == 1 && string.Equals(current[0], alb.LoadBalancer.DnsName, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var patch = JsonSerializer.Serialize(new { status = new { loadBalancer = new { ingress = new[] { new { hostname = alb.LoadBalancer.DnsName } } } } });
        await BestEffortAsync("patch status of", alb, async () =>
        {
            await kubernetes.NetworkingV1.PatchNamespacedIngressStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), alb.IngressName, alb.IngressNamespace, cancellationToken: cancellationToken);
            counters.StatusPatched();
        });
    }

    /// <summary>Records the Normal/SuccessfullyReconciled event the LBC records after each deploy.</summary>
    public Task RecordReconciledAsync(LbcSnapshot snapshot, DesiredAlb alb, CancellationToken cancellationToken)
    {
        var uid = snapshot.Ingresses.FirstOrDefault(i => i.Metadata.NamespaceProperty == alb.IngressNamespace && i.Metadata.Name == alb.IngressName)?.Metadata.Uid;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var recorded = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{alb.IngressName[..Math.Min(alb.IngressName.Length, 46)]}.{Guid.NewGuid():N}"[..^16], NamespaceProperty = alb.IngressNamespace },
            InvolvedObject = new V1ObjectReference { Kind = "Ingress", ApiVersion = "networking.k8s.io/v1", Name = alb.IngressName, NamespaceProperty = alb.IngressNamespace, Uid = uid },
            Reason = "SuccessfullyReconciled",
            Message = "Successfully reconciled",
            Type = "Normal",
            Source = new V1EventSource { Component = "ingress" },
            ReportingComponent = "ingress",
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        return BestEffortAsync("record event for", alb, async () =>
        {
            await kubernetes.CoreV1.CreateNamespacedEventAsync(recorded, alb.IngressNamespace, cancellationToken: cancellationToken);
            counters.EventRecorded();
        });
    }

    /// <summary>Creates the TargetGroupBinding of each target group once; skipped when the resource is not served.</summary>
    public async Task SyncBindingsAsync(DesiredAlb alb, CancellationToken cancellationToken)
    {
        foreach (var group in alb.TargetGroups.Where(g => !bindings.ContainsKey(g.TargetGroup.Arn)))
        {
            var body = new Dictionary<string, object>
            {
                ["apiVersion"] = $"{BindingGroup}/{BindingVersion}",
                ["kind"] = "TargetGroupBinding",
                ["metadata"] = new Dictionary<string, object>
                {
                    ["name"] = group.TargetGroup.Name,
                    ["namespace"] = group.ServiceNamespace,
                    ["labels"] = new Dictionary<string, string>
                    {
                        ["ingress.k8s.aws/stack-namespace"] = alb.IngressNamespace,
                        ["ingress.k8s.aws/stack-name"] = alb.IngressName,
                    },
                },
                ["spec"] = new Dictionary<string, object>
                {
                    ["targetGroupARN"] = group.TargetGroup.Arn,
                    ["targetType"] = "ip",
                    ["ipAddressType"] = "ipv4",
                    ["serviceRef"] = new Dictionary<string, object> { ["name"] = group.ServiceName, ["port"] = PortValue(group.ServicePort) },
                },
            };
            try
            {
                await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(body, BindingGroup, BindingVersion, group.ServiceNamespace, BindingPlural, cancellationToken: cancellationToken);
                counters.BindingCreated();
                bindings[group.TargetGroup.Arn] = (group.ServiceNamespace, group.TargetGroup.Name);
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
            {
                bindings[group.TargetGroup.Arn] = (group.ServiceNamespace, group.TargetGroup.Name);
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // The TargetGroupBinding CRD is not installed on this server: nothing to bind.
                return;
            }
        }
    }

    /// <summary>Whether this controller created (or found) the TargetGroupBinding of a target group.</summary>
    public bool HasBinding(string targetGroupArn) => bindings.ContainsKey(targetGroupArn);

    /// <summary>Deletes the bindings of target groups that were deleted.</summary>
    public async Task DeleteBindingsAsync(IEnumerable<string> targetGroupArns, CancellationToken cancellationToken)
    {
        foreach (var arn in targetGroupArns.Where(bindings.ContainsKey).ToList())
        {
            var (ns, name) = bindings[arn];
            bindings.Remove(arn);
            await BestEffortAsync("delete the binding of", null, () => kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(BindingGroup, BindingVersion, ns, BindingPlural, name, cancellationToken: cancellationToken));
        }
    }

    private static object PortValue(string port) => int.TryParse(port, out var number) ? number : port;

    private async Task BestEffortAsync(string what, DesiredAlb? alb, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (HttpOperationException error)
        {
            counters.Failed();
            logger.LogWarning("LBC simulator could not {What} ingress {Namespace}/{Ingress}: {Status}", what, alb?.IngressNamespace, alb?.IngressName, error.Response.StatusCode);
        }
    }
}
