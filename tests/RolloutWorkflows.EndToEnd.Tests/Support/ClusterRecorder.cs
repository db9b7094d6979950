namespace RolloutWorkflows.EndToEnd.Tests.Support;

using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Workflows.Model;

/// <summary>
/// Watches the Services, ReplicaSets and Ingresses of a namespace and keeps every version of each, in commit order
/// (the API server's resourceVersion is one counter for all objects), each with what the load balancer did when the
/// change was seen (<see cref="AlbView"/>, read a few milliseconds after the write, far less than the LBC's lag).
/// Scenarios use it to check invariants at the moment something changed: no selector change on a Service with
/// weight, no scale-down before registration, no step before its weight is live.
/// </summary>
public sealed class ClusterRecorder : IAsyncDisposable
{
    private readonly IKubernetes kube;
    private readonly Elbv2Store elbv2;
    private readonly string ns;
    private readonly ConcurrentQueue<Observation> observations = new();
    private readonly ConcurrentQueue<Exception> errors = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> watches = [];

    private ClusterRecorder(IKubernetes kube, Elbv2Store elbv2, string ns)
    {
        this.kube = kube;
        this.elbv2 = elbv2;
        this.ns = ns;
    }

    /// <summary>Every observed version, in commit order.</summary>
    public IReadOnlyList<Observation> Observations => [.. observations.OrderBy(o => o.ResourceVersion)];

    /// <summary>Lists the current objects (the baseline) and follows every later change.</summary>
    public static async Task<ClusterRecorder> StartAsync(IKubernetes kube, Elbv2Store elbv2, string ns = "default")
    {
        var recorder = new ClusterRecorder(kube, elbv2, ns);
        var services = await kube.CoreV1.ListNamespacedServiceAsync(ns);
        var replicaSets = await kube.AppsV1.ListNamespacedReplicaSetAsync(ns);
        var ingresses = await kube.NetworkingV1.ListNamespacedIngressAsync(ns);
        recorder.AddAll(services.Items, replicaSets.Items, ingresses.Items);
        recorder.Follow(services.Metadata.ResourceVersion, (rv, token) =>
            kube.CoreV1.WatchListNamespacedServiceAsync(ns, resourceVersion: rv, cancellationToken: token));
        recorder.Follow(replicaSets.Metadata.ResourceVersion, (rv, token) =>
            kube.AppsV1.WatchListNamespacedReplicaSetAsync(ns, resourceVersion: rv, cancellationToken: token));
        recorder.Follow(ingresses.Metadata.ResourceVersion, (rv, token) =>
            kube.NetworkingV1.WatchListNamespacedIngressAsync(ns, resourceVersion: rv, cancellationToken: token));
        return recorder;
    }

    /// <summary>Waits until every object's current version has been observed (so assertions see the whole story).</summary>
    public async Task CaughtUpAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Assert.True(errors.IsEmpty, "the recorder's watches failed: " + string.Join("; ", errors.Select(e => e.Message)));
            var current = new List<IKubernetesObject<V1ObjectMeta>>();
            current.AddRange((await kube.CoreV1.ListNamespacedServiceAsync(ns)).Items);
            current.AddRange((await kube.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
            current.AddRange((await kube.NetworkingV1.ListNamespacedIngressAsync(ns)).Items);
            var seen = observations.Select(o => (o.Kind, o.Name, o.ResourceVersion)).ToHashSet();
            if (current.All(o => seen.Contains((KindOf(o), o.Metadata.Name, Version(o)))))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("the recorder did not catch up with the cluster within 30 s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Each change of the <c>rollouts-pod-template-hash</c> a Service selects.</summary>
    public IReadOnlyList<Change<string?>> SelectorChanges(string service) =>
        Changes<V1Service, string?>("Service", service, s => s.Spec?.Selector?.TryGetValue(PodTemplateHash.LabelKey, out var hash) == true ? hash : null);

    /// <summary>Each change of a ReplicaSet's desired replicas (its creation counts as a change from null).</summary>
    public IReadOnlyList<Change<int?>> ScaleChanges(string replicaSet) =>
        Changes<V1ReplicaSet, int?>("ReplicaSet", replicaSet, r => r.Spec?.Replicas);

    /// <summary>Each change of an Ingress annotation (null when absent).</summary>
    public IReadOnlyList<Change<string?>> AnnotationChanges(string ingress, string key) =>
        Changes<V1Ingress, string?>("Ingress", ingress, i => i.Metadata.Annotations?.TryGetValue(key, out var value) == true ? value : null);

    /// <summary>The value of an Ingress annotation at commit <paramref name="resourceVersion"/> (null when absent).</summary>
    public string? AnnotationAt(string ingress, string key, long resourceVersion) =>
        AnnotationChanges(ingress, key).LastOrDefault(c => c.ResourceVersion <= resourceVersion)?.To;

    /// <summary>The ReplicaSet as it was at commit <paramref name="resourceVersion"/> (null when it did not exist yet).</summary>
    public V1ReplicaSet? ReplicaSetAt(string name, long resourceVersion) =>
        Observations.LastOrDefault(o => o.Kind == "ReplicaSet" && o.Name == name && o.ResourceVersion <= resourceVersion)?.Object as V1ReplicaSet;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var watch in watches)
        {
            try
            {
                await watch;
            }
            catch (OperationCanceledException)
            {
                // The watches end by cancellation.
            }
        }

        stop.Dispose();
    }

    private static long Version(IKubernetesObject<V1ObjectMeta> obj) => long.Parse(obj.Metadata.ResourceVersion, CultureInfo.InvariantCulture);

    private List<Change<TValue>> Changes<TObject, TValue>(string kind, string name, Func<TObject, TValue> value)
        where TObject : class
    {
        var changes = new List<Change<TValue>>();
        var first = true;
        TValue previous = default!;
        foreach (var observation in Observations.Where(o => o.Kind == kind && o.Name == name))
        {
            var current = observation.Deleted ? default! : value((TObject)observation.Object);
            if (first || !EqualityComparer<TValue>.Default.Equals(previous, current))
            {
                changes.Add(new Change<TValue>(observation.ResourceVersion, first ? default : previous, current, observation.Alb, observation.Baseline));
            }

            first = false;
            previous = current;
        }

        return changes;
    }

    private void AddAll(params IEnumerable<IKubernetesObject<V1ObjectMeta>>[] lists)
    {
        var alb = AlbView.Capture(elbv2);
        foreach (var obj in lists.SelectMany(l => l))
        {
            observations.Enqueue(new Observation(Version(obj), KindOf(obj), obj.Metadata.Name, obj, false, alb, Baseline: true));
        }
    }

    private void Follow<T>(string listVersion, Func<string, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var token = stop.Token;
        watches.Add(Task.Run(
            async () =>
            {
                var from = listVersion;
                while (!token.IsCancellationRequested)
                {
                    try
                    {
                        await foreach (var (type, obj) in watch(from, token))
                        {
                            if (type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                            {
                                // Capture the load balancer first: it is what users got when the change landed.
                                var alb = AlbView.Capture(elbv2);
                                observations.Enqueue(new Observation(Version(obj), KindOf(obj), obj.Metadata.Name, obj, type == WatchEventType.Deleted, alb, Baseline: false));
                                from = obj.Metadata.ResourceVersion;
                            }
                        }
                    }
                    catch (Exception e) when (!token.IsCancellationRequested && e is not OperationCanceledException)
                    {
                        errors.Enqueue(e);
                        return;
                    }
                }
            },
            CancellationToken.None));
    }

    private static string KindOf(IKubernetesObject<V1ObjectMeta> obj) => obj switch
    {
        V1Service => "Service",
        V1ReplicaSet => "ReplicaSet",
        V1Ingress => "Ingress",
        _ => obj.GetType().Name,
    };

    /// <summary>One observed version of an object.</summary>
    public sealed record Observation(long ResourceVersion, string Kind, string Name, object Object, bool Deleted, AlbView Alb, bool Baseline);

    /// <summary>A value that changed at commit <paramref name="ResourceVersion"/>, with the load balancer seen then.</summary>
    public sealed record Change<TValue>(long ResourceVersion, TValue? From, TValue To, AlbView Alb, bool Baseline);
}
