namespace RolloutWorkflows.EndToEnd.Tests.Support;

using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Sandbox.Aws.Traffic;
using RolloutWorkflows.Worker.Hosting;
using RolloutWorkflows.Worker.Sandbox;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Rollout;
using RolloutWorkflows.Workflows.Validation;
using Temporalio.Client;

/// <summary>
/// One scenario's world: the whole sandbox stack (Temporal with time skipping, Kubernetes, ELBv2, LBC simulator,
/// traffic) and a real `rollouts worker` host configured by addresses alone, plus what CI and operators do
/// (deploy, updates, status) through the real Temporal client.
/// </summary>
public sealed class EndToEndStack : IAsyncDisposable
{
    private readonly string taskQueue = $"e2e-{Guid.NewGuid():N}";
    private WebApplication? worker;
    private TrafficSimulator? pathTraffic;

    private EndToEndStack(SandboxStack sandbox, TemporalClient client)
    {
        Sandbox = sandbox;
        Client = client;
    }

    public SandboxStack Sandbox { get; }

    public TemporalClient Client { get; }

    /// <summary>The task queue this stack's worker polls (what the CLI's <c>--task-queue</c> names).</summary>
    public string TaskQueue => taskQueue;

    /// <summary>A Kubernetes client on the sandbox API server.</summary>
    public IKubernetes Kube => Sandbox.Client;

    /// <summary>Starts the stack and a worker (time skipping on unless told otherwise).</summary>
    public static async Task<EndToEndStack> StartAsync(SandboxStackOptions? options = null)
    {
        var sandbox = await SandboxStack.StartAsync(options ?? new SandboxStackOptions { TimeSkipping = true });
        foreach (var (name, value) in sandbox.AwsEnvironment())
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(sandbox.Temporal.Target) { Namespace = "default" });
        var stack = new EndToEndStack(sandbox, client);
        await stack.StartWorkerAsync();
        return stack;
    }

    /// <summary>Starts a worker host (a new process would do the same); one runs at a time.</summary>
    /// <param name="settings">Worker settings beyond how to reach the sandbox, e.g. <c>Rollouts:VerifyTargetGroups</c>.</param>
    public async Task StartWorkerAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Sandbox.WorkerConfiguration(taskQueue))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Health:Port"] = "0", ["Health:BindAddress"] = "127.0.0.1" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        worker = RolloutWorkerHost.Build(configuration, logging => logging.ClearProviders());
        await worker.StartAsync();
    }

    /// <summary>Stops the worker as a crash or a rolling update of the worker Deployment would.</summary>
    public async Task StopWorkerAsync()
    {
        if (worker is not null)
        {
            await worker.StopAsync();
            await worker.DisposeAsync();
            worker = null;
        }
    }

    /// <summary>Creates the Services and Ingresses of an examples/ file (or any manifest text).</summary>
    public Task SeedAsync(string manifest) => Sandbox.ApplyAsync(manifest);

    /// <summary>Waits for the ingress's load balancer and starts synthetic traffic through it.</summary>
    public async Task StartTrafficAsync(string ingress, string ns = "default")
    {
        var dns = await Sandbox.WaitForLoadBalancerAsync(ns, ingress, TimeSpan.FromSeconds(30));
        await Sandbox.StartTrafficAsync(dns);
    }

    /// <summary>
    /// Waits for the ingress's load balancer and starts synthetic traffic to <paramref name="path"/> (for an
    /// ingress whose paths lead to different rollouts).
    /// </summary>
    public async Task StartTrafficAsync(string ingress, string path, string ns)
    {
        var dns = await Sandbox.WaitForLoadBalancerAsync(ns, ingress, TimeSpan.FromSeconds(30));
        pathTraffic = new TrafficSimulator(Kube, Sandbox.Elbv2.Store, new TrafficSimulatorOptions
        {
            LoadBalancerDnsName = dns,
            Path = path,
            RequestsPerSecond = Sandbox.Options.RequestsPerSecond,
        });
        pathTraffic.Start();
    }

    /// <summary>Starts recording every change of Services, ReplicaSets and Ingresses with the load balancer's state at that moment.</summary>
    public Task<ClusterRecorder> RecordAsync(string ns = "default") => ClusterRecorder.StartAsync(Kube, Sandbox.Elbv2.Store, ns);

    /// <summary>What the load balancers do right now (weights and registered targets per Service).</summary>
    public AlbView Alb => AlbView.Capture(Sandbox.Elbv2.Store);

    /// <summary>Polls the load balancers until <paramref name="condition"/> holds (for changes nothing verifies, e.g. a reset on delete).</summary>
    public async Task<AlbView> WaitForAlbAsync(Func<AlbView, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var alb = Alb;
            if (condition(alb))
            {
                return alb;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting for the ALB: {what}; now {alb}; LBC error: {Sandbox.Lbc.LastError?.Message}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the ALB has every pod of a revision registered in the Service's target group. A canary first
    /// deploy is Healthy once its weights are verified, which does not by itself prove the LBC registered its
    /// pods; scenarios wait for that before measuring traffic. (A blue-green first deploy verifies it itself.)
    /// </summary>
    public async Task WaitForRegisteredAsync(string service, string hash, string ns = "default")
    {
        var ips = await PodIpsAsync(hash, ns);
        Assert.NotEmpty(ips);
        await WaitForAlbAsync(alb => ips.IsSubsetOf(alb.RegisteredIn(service)), $"every pod of {hash} registered behind {service}");
    }

    /// <summary>The Rollout of a manifest, validated as `rollouts deploy` validates it.</summary>
    public static Rollout ReadRollout(string manifest)
    {
        var document = RolloutManifestParser.ParseDocuments(manifest, "scenario").Documents.First(d => d.Kind == "Rollout");
        var read = RolloutValidator.ReadAndValidate((JsonObject)document.Object.DeepClone());
        Assert.True(read.Rollout is not null && read.Problems.Count == 0, "invalid scenario Rollout: " + string.Join("; ", read.Problems));
        return read.Rollout!;
    }

    /// <summary>
    /// Verification on, polled every second, as the demo and a CI job with --aws-verify-target-group run it. The
    /// deadline is a day: with time skipping the workflow clock races ahead between polls while the LBC simulator
    /// works in real time, so a short deadline could pass before a busy machine's LBC created the load balancer
    /// (seen once in CI: 120 s passed while the Ingress had no load balancer yet). Deadline tests set their own.
    /// </summary>
    public static RolloutSettings VerifiedSettings { get; } = new()
    {
        VerifyTargetGroups = true,
        VerificationPollSeconds = 1,
        VerificationDeadlineSeconds = 24 * 3600,
        AvailabilityPollSeconds = 1,
    };

    /// <summary>
    /// The start most scenarios share: the example canary's Services and Ingress, <paramref name="manifest"/>'s Rollout
    /// stable at revision 1 with every pod registered in the stable target group, and traffic flowing through Ingress web.
    /// </summary>
    public async Task<(Rollout Rollout, RolloutRevision First)> StableCanaryWithTrafficAsync(string manifest, RolloutSettings? settings = null)
    {
        await SeedAsync(Examples.Canary);
        var rollout = ReadRollout(manifest);
        var first = await DeployAsync(rollout, settings);
        await WaitForHealthyAsync("web", 1);
        await WaitForRegisteredAsync("web-stable", first.PodTemplateHash);
        await StartTrafficAsync("web");
        return (rollout, first);
    }

    /// <summary>What CI does: signal-with-start the rollout's workflow with a Deploy of this Rollout; returns the revision sent.</summary>
    public async Task<RolloutRevision> DeployAsync(Rollout rollout, RolloutSettings? settings = null)
    {
        var revision = RolloutRevisionMapper.ToRevision(rollout, settings ?? VerifiedSettings);
        var ns = revision.Spec.Namespace;
        var name = revision.Spec.Name;
        var options = new WorkflowOptions(RolloutIds.WorkflowId(ns, name), taskQueue)
        {
            StaticSummary = revision.Spec.Describe(),
            TypedSearchAttributes = RolloutWorkflow.StartAttributes(ns, name),
        };
        options.SignalWithStart((RolloutWorkflow wf) => wf.DeployAsync(revision));
        await Client.StartWorkflowAsync((RolloutWorkflow wf) => wf.RunAsync(new RolloutWorkflowInput(ns, name)), options);
        return revision;
    }

    /// <summary>
    /// Signal-with-starts a revision as it is, without the CLI's validation (what a buggy or hostile client could
    /// send); the workflow is its last line of defence.
    /// </summary>
    public async Task DeployRevisionAsync(RolloutRevision revision)
    {
        var ns = revision.Spec.Namespace;
        var name = revision.Spec.Name;
        var options = new WorkflowOptions(RolloutIds.WorkflowId(ns, name), taskQueue)
        {
            TypedSearchAttributes = RolloutWorkflow.StartAttributes(ns, name),
        };
        options.SignalWithStart((RolloutWorkflow wf) => wf.DeployAsync(revision));
        await Client.StartWorkflowAsync((RolloutWorkflow wf) => wf.RunAsync(new RolloutWorkflowInput(ns, name)), options);
    }

    public WorkflowHandle<RolloutWorkflow> Handle(string name, string ns = "default") =>
        Client.GetWorkflowHandle<RolloutWorkflow>(RolloutIds.WorkflowId(ns, name));

    public Task<RolloutStatus> StatusAsync(string name, string ns = "default") => Handle(name, ns).QueryAsync(wf => wf.Status);

    /// <summary>Polls the Status query until <paramref name="condition"/> holds (no sleeps in assertions, no timings asserted).</summary>
    public async Task<RolloutStatus> WaitForAsync(string name, Func<RolloutStatus, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        RolloutStatus status;
        do
        {
            status = await StatusAsync(name);
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException(
            $"timed out waiting for {what}; status: {status.Phase} '{status.Message}' step {status.Step}/{status.Steps} set {status.SetWeight} verified {status.ActualWeight}; events:\n{string.Join('\n', status.Events.Select(e => e.Text))}\nLBC error: {Sandbox.Lbc.LastError?.Message}");
    }

    public Task<RolloutStatus> WaitForHealthyAsync(string name, long revision) =>
        WaitForAsync(name, s => s.Phase == "Healthy" && s.StableRevision == revision && s.Revision == revision, $"{name} revision {revision} Healthy");

    /// <summary>The value of an ingress annotation (null when absent).</summary>
    public async Task<string?> AnnotationAsync(string ingress, string key, string ns = "default")
    {
        var current = await Kube.NetworkingV1.ReadNamespacedIngressAsync(ingress, ns);
        return current.Metadata.Annotations?.TryGetValue(key, out var value) == true ? value : null;
    }

    /// <summary>The <c>rollouts-pod-template-hash</c> a Service selects (null when none).</summary>
    public async Task<string?> SelectedHashAsync(string service, string ns = "default")
    {
        var current = await Kube.CoreV1.ReadNamespacedServiceAsync(service, ns);
        return current.Spec.Selector?.TryGetValue(PodTemplateHash.LabelKey, out var hash) == true ? hash : null;
    }

    /// <summary>Desired replicas of a ReplicaSet (null when it does not exist).</summary>
    public async Task<int?> ReplicasAsync(string replicaSet, string ns = "default")
    {
        var list = await Kube.AppsV1.ListNamespacedReplicaSetAsync(ns, fieldSelector: $"metadata.name={replicaSet}");
        return list.Items.SingleOrDefault()?.Spec.Replicas;
    }

    /// <summary>The canary weight and each Service's weight in an ALB action annotation value.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ActionWeightsAsync(string ingress, string key, string ns = "default") =>
        AlbActionWeights.Parse(await AnnotationAsync(ingress, key, ns) ?? throw new Xunit.Sdk.XunitException($"ingress {ingress} has no annotation {key}"));

    /// <summary>The IPs of the live pods of a revision.</summary>
    public async Task<IReadOnlySet<string>> PodIpsAsync(string hash, string ns = "default")
    {
        var pods = await Kube.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"{PodTemplateHash.LabelKey}={hash}");
        return pods.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.PodIP is { Length: > 0 })
            .Select(p => p.Status.PodIP)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Stops the traffic and returns what users felt.</summary>
    public async Task<TrafficReport> StopTrafficAsync()
    {
        var traffic = pathTraffic ?? Sandbox.Traffic ?? throw new InvalidOperationException("no traffic was started");
        await traffic.StopAsync();
        return traffic.Report();
    }

    public async ValueTask DisposeAsync()
    {
        if (pathTraffic is not null)
        {
            await pathTraffic.DisposeAsync();
        }

        await StopWorkerAsync();
        await Sandbox.DisposeAsync();
    }
}
