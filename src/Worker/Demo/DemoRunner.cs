namespace RolloutWorkflows.Worker.Demo;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;
using RolloutWorkflows.Worker.Sandbox;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;
using Temporalio.Client;

/// <summary>
/// The whole product on the embedded sandbox: starts every sandbox part and a real worker (configured like a
/// production one, by addresses alone), seeds the example, deploys revision 1, then rolls out revision 2 under
/// synthetic traffic with verification on, and reports what happened.
/// </summary>
public sealed class DemoRunner
{
    private const string TaskQueue = "rollouts-demo";
    private readonly DemoOptions options;
    private readonly IDemoProgress progress;
    private readonly Action<ILoggingBuilder>? logs;

    /// <param name="logs">Adds where the worker's warnings and errors go (stderr in the CLI); null: nowhere.</param>
    public DemoRunner(DemoOptions options, IDemoProgress progress, Action<ILoggingBuilder>? logs = null)
    {
        this.options = options;
        this.progress = progress;
        this.logs = logs;
    }

    /// <summary>Runs the scenario to its end (or the timeout) and returns the summary.</summary>
    public async Task<DemoSummary> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var script = DemoScript.For(options.Scenario);
        var manifest = script.ReadManifest();
        var rollout = ReadRollout(manifest);
        var settings = new RolloutSettings
        {
            VerifyTargetGroups = true,
            VerificationPollSeconds = 1,
            VerificationDeadlineSeconds = 120,
            AvailabilityPollSeconds = 1,
        };

        progress.Stage("starting the sandbox: Temporal, Kubernetes API server, ELBv2 emulator, LBC simulator");
        await using var stack = await SandboxStack.StartAsync(new SandboxStackOptions { TimeSkipping = options.Fast, RequestsPerSecond = options.RequestsPerSecond }, cancellationToken);
        foreach (var (name, value) in stack.AwsEnvironment())
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        progress.Stage($"starting a worker on task queue {TaskQueue} (Temporal {stack.Temporal.Target}, Kubernetes {stack.Kubernetes.BaseAddress}, ELBv2 {stack.Elbv2.Endpoint})");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(stack.WorkerConfiguration(TaskQueue))
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Health:Port"] = "0", ["Health:BindAddress"] = "127.0.0.1" })
            .Build();
        await using var worker = RolloutWorkerHost.Build(configuration, ConfigureLogging);
        await worker.StartAsync(cancellationToken);
        try
        {
            var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(stack.Temporal.Target) { Namespace = "default" });
            var control = new RolloutControl(client, TaskQueue);
            var seeded = await stack.ApplyAsync(manifest, stableReplicaSets: true, cancellationToken: cancellationToken);
            progress.Stage($"seeded {script.Manifest}: {string.Join(", ", seeded)} (the application already running at revision 1)");
            var dns = await stack.WaitForLoadBalancerAsync(rollout.GetNamespace(), script.Ingress, TimeSpan.FromSeconds(30), cancellationToken);
            progress.Stage($"the LBC simulator created load balancer {dns}");

            var first = RolloutRevisionMapper.ToRevision(rollout, settings);
            var second = RolloutRevisionMapper.ToRevision(rollout.WithImage(script.Container, script.NewImage), settings);
            var revisions = new Dictionary<string, string>(StringComparer.Ordinal) { [first.PodTemplateHash] = "1", [second.PodTemplateHash] = "2" };

            progress.Stage($"deploying revision 1 ({Image(rollout)}, pod-template hash {first.PodTemplateHash})");
            await control.DeployAsync(first, cancellationToken);
            await FollowAsync(control, first, new StepTracker(first, 1), revisions, stack, s => s.Phase == "Healthy" && s.StableRevision == 1, abortAfterFirstStep: false, cancellationToken);

            progress.Stage($"revision 1 is Healthy; sending {options.RequestsPerSecond:0} requests/s through {dns}");
            await stack.StartTrafficAsync(dns);
            progress.Stage($"deploying revision 2 ({script.NewImage}, pod-template hash {second.PodTemplateHash}): {second.Spec.Describe()}, verification on");
            await control.DeployAsync(second, cancellationToken);
            var tracker = new StepTracker(second, 2);
            var end = await FollowAsync(
                control,
                second,
                tracker,
                revisions,
                stack,
                s => s.Revision == 2 && ((s.Phase == "Healthy" && s.StableRevision == 2) || s.Phase == "Degraded"),
                script.AbortAfterFirstStep,
                cancellationToken);

            // Let the traffic of the last moments through before the books close.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            await stack.Traffic!.StopAsync();
            var traffic = stack.Traffic.Report();
            return new DemoSummary
            {
                Scenario = script.Scenario.ToString().ToLowerInvariant(),
                Phase = end.Phase,
                ExpectedPhase = script.ExpectedPhase,
                Message = end.Message,
                Revision = end.Revision,
                StableRevision = end.StableRevision,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                Steps = tracker.Steps(),
                Requests = new DemoRequests
                {
                    Total = traffic.Total,
                    Failed = traffic.Failures,
                    ByRevision = traffic.ByRevision.ToDictionary(r => DemoText.RevisionOf(r.Key, revisions), r => r.Value, StringComparer.Ordinal),
                    ByReason = traffic.ByReason,
                },
                Elbv2Calls = new DemoCalls { Total = stack.Elbv2.Counters.TotalCalls, ByOperation = stack.Elbv2.Counters.CallsByOperation() },
            };
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static Rollout ReadRollout(string manifest)
    {
        var parsed = RolloutManifestParser.ParseDocuments(manifest, "demo");
        var document = parsed.Documents.First(d => d.Kind == "Rollout");
        var read = RolloutValidator.ReadAndValidate((JsonObject)document.Object.DeepClone());
        if (read.Rollout is null || read.Problems.Count > 0)
        {
            throw new InvalidOperationException("the embedded example is invalid: " + string.Join("; ", read.Problems));
        }

        return read.Rollout;
    }

    private static string Image(Rollout rollout) =>
        rollout.Template?["spec"]?["containers"]?[0]?["image"]?.GetValue<string>() ?? "?";

    private async Task<RolloutStatus> FollowAsync(
        RolloutControl control,
        RolloutRevision revision,
        StepTracker tracker,
        IReadOnlyDictionary<string, string> revisions,
        SandboxStack stack,
        Func<RolloutStatus, bool> done,
        bool abortAfterFirstStep,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Timeout;
        var acted = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var status = await control.StatusAsync(revision.Spec.Namespace, revision.Spec.Name, cancellationToken);
            tracker.Observe(status, DateTime.UtcNow);
            var steps = tracker.Steps();
            progress.Update(status, steps, stack.Traffic?.Report(), revisions);
            if (done(status))
            {
                return status;
            }

            if (abortAfterFirstStep && steps.Count > 0 && steps[0].Verified && acted.Add("abort"))
            {
                progress.Action("aborting after the first verified step (as an operator would with `rollouts abort web`)");
                await control.SendAsync(revision.Spec.Namespace, revision.Spec.Name, RolloutCommand.Abort, "demo: aborting after the first step", cancellationToken);
            }
            else if (status.Phase == "Paused" && !status.Aborted && WaitsForPromotion(status, revision) && acted.Add(string.Create(CultureInfo.InvariantCulture, $"promote-{status.Step}-{status.Message}")))
            {
                progress.Action($"promoting ({status.Message}), as an operator would with `rollouts promote {status.Name}`");
                await control.SendAsync(revision.Spec.Namespace, revision.Spec.Name, RolloutCommand.Promote, cancellationToken: cancellationToken);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"the rollout did not finish within {options.Timeout.TotalSeconds:0} s; last status: {status.Phase} '{status.Message}'"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    // A pause the demo must end itself: an indefinite canary pause, or blue-green without auto-promotion.
    private static bool WaitsForPromotion(RolloutStatus status, RolloutRevision revision) =>
        revision.Spec.Canary is { } canary
            ? status.Step < canary.Steps.Count && canary.Steps[status.Step] is { Kind: CanaryStepKind.Pause, PauseSeconds: null }
            : revision.Spec.BlueGreen is { AutoPromotionEnabled: false };

    private void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logs?.Invoke(logging);

        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Temporalio", LogLevel.Error);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
    }
}
