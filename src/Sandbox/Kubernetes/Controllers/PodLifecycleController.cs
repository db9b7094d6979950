namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// The kubelet's part, simulated: a new pod starts at once (IP from <see cref="PodIpAllocator"/>,
/// phase Running), its containers turn ready after the readiness delay unless it is meant to fail, and
/// the pod is Ready when its containers are and every <c>spec.readinessGates</c> condition is True
/// (conditions other components own, such as the LBC's target-health ones, are kept as they are).
/// </summary>
public sealed class PodLifecycleController
{
    private static readonly string[] KubeletConditions = ["PodScheduled", "Initialized", "ContainersReady", "Ready"];

    private readonly ApiOperations api;
    private readonly ControllerOptions options;
    private readonly PodIpAllocator ips;
    private readonly Dictionary<string, DateTimeOffset> started = [];

    public PodLifecycleController(ApiOperations api, ControllerOptions options, PodIpAllocator ips)
    {
        this.api = api;
        this.options = options;
        this.ips = ips;
    }

    public int Reconcile()
    {
        var podType = api.Registry.Find("", "v1", "pods")!;
        List<JsonObject> pods;
        lock (api.Store.Gate)
        {
            pods = [.. api.Store.Items(podType, null).Where(p => !JsonPaths.IsDeleting(p))];
        }

        var now = api.Time.GetUtcNow();
        var writes = 0;
        foreach (var pod in pods)
        {
            var uid = JsonPaths.Uid(pod)!;
            var status = pod["status"] as JsonObject;
            if ((string?)status?["podIP"] is null)
            {
                started[uid] = now;
                writes += Write(podType, pod, p => Start(p, now));
                continue;
            }

            var since = started.TryGetValue(uid, out var at) ? at : JsonPaths.ParseTimestamp((string?)status?["startTime"]) ?? now;
            var fails = (string?)pod["metadata"]?["annotations"]?[ControllerOptions.FailAnnotation] == "true" || options.PodFails?.Invoke(pod) == true;
            var containersReady = !fails && now - since >= DelayOf(pod);
            var ready = containersReady && GatesPassed(pod);
            if (IsReady(pod) != ready || ConditionIsTrue(pod, "ContainersReady") != containersReady
                || (fails && (string?)status?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"] is null))
            {
                writes += Write(podType, pod, p => SetReady(p, containersReady, ready, fails, now));
            }
        }

        foreach (var gone in started.Keys.Except(pods.Select(p => JsonPaths.Uid(p)!)).ToList())
        {
            started.Remove(gone);
        }

        return writes;
    }

    public static bool IsReady(JsonObject pod) => ConditionIsTrue(pod, "Ready");

    /// <summary>Whether every readiness gate of the pod has its condition True (no gates: true).</summary>
    public static bool GatesPassed(JsonObject pod) =>
        (pod["spec"]?["readinessGates"] as JsonArray ?? []).OfType<JsonObject>()
            .All(g => (string?)g["conditionType"] is { } type && ConditionIsTrue(pod, type));

    private static bool ConditionIsTrue(JsonObject pod, string type) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => (string?)c["type"] == type && (string?)c["status"] == "True");

    private TimeSpan DelayOf(JsonObject pod) =>
        double.TryParse((string?)pod["metadata"]?["annotations"]?[ControllerOptions.ReadinessDelayAnnotation],
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : options.ReadinessDelay;

    private int Write(ResourceType podType, JsonObject pod, Action<JsonObject> change)
    {
        var result = api.Mutate(podType, JsonPaths.Namespace(pod), JsonPaths.Name(pod)!, p =>
        {
            change(p);
            return true;
        }, "status");
        return result is null ? 0 : 1;
    }

    private void Start(JsonObject pod, DateTimeOffset now)
    {
        var ip = ips.Allocate();
        var stamp = JsonPaths.Timestamp(now);
        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["hostIP"] = "198.19.255.1",
            ["podIP"] = ip,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["startTime"] = stamp,
            ["qosClass"] = "BestEffort",
            ["conditions"] = Conditions(false, false, stamp, []),
            ["containerStatuses"] = ContainerStatuses(pod, ready: false, fails: false, stamp),
        };
    }

    private static void SetReady(JsonObject pod, bool containersReady, bool ready, bool fails, DateTimeOffset now)
    {
        var status = (JsonObject)pod["status"]!;
        var stamp = JsonPaths.Timestamp(now);
        var others = (status["conditions"] as JsonArray ?? []).OfType<JsonObject>().Where(c => !KubeletConditions.Contains((string?)c["type"] ?? "")).ToList();
        status["conditions"] = Conditions(containersReady, ready, stamp, others);
        status["containerStatuses"] = ContainerStatuses(pod, containersReady, fails, (string?)status["startTime"] ?? stamp);
    }

    private static JsonArray Conditions(bool containersReady, bool ready, string stamp, IReadOnlyList<JsonObject> others)
    {
        var conditions = new JsonArray(
            Condition("PodScheduled", "True", stamp),
            Condition("Initialized", "True", stamp),
            Condition("ContainersReady", containersReady ? "True" : "False", stamp),
            Condition("Ready", ready ? "True" : "False", stamp));
        foreach (var other in others)
        {
            conditions.Add(other.DeepClone());
        }

        return conditions;
    }

    private static JsonObject Condition(string type, string status, string stamp) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastProbeTime"] = null,
        ["lastTransitionTime"] = stamp,
    };

    private static JsonArray ContainerStatuses(JsonObject pod, bool ready, bool fails, string startedAt)
    {
        var result = new JsonArray();
        foreach (var container in (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var state = fails
                ? new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "sandbox: this pod was told to fail" } }
                : new JsonObject { ["running"] = new JsonObject { ["startedAt"] = startedAt } };
            result.Add(new JsonObject
            {
                ["name"] = container["name"]?.DeepClone(),
                ["image"] = container["image"]?.DeepClone(),
                ["ready"] = ready,
                ["started"] = !fails,
                ["restartCount"] = 0,
                ["state"] = state,
            });
        }

        return result;
    }
}
