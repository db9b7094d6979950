namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Sandbox.Kubernetes.Faults;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;

/// <summary>
/// A revision the worker cannot run is refused before anything is written to the cluster: the reason is in the
/// Status (with the field and the fix), the failure is not retried, and the API server's audit log holds no
/// write but the LBC simulator's own (events, Ingress status, TargetGroupBindings).
/// </summary>
public sealed class BadSpecScenarioTests
{
    [Theory]
    [InlineData("canaryService: web-canary", "canaryService: web-canry", "Service default/web-canry", MissingService)]
    [InlineData("ingress: web\n", "ingress: web-typo\n", "Ingress default/web-typo", MissingIngress)]
    public async Task Deploy_RevisionNamingAMissingObject_FailsFastWithTheReasonAndWritesNothingUntilFixedAndRetried(
        string text, string typo, string missing, string fix)
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        await stack.Sandbox.WaitForLoadBalancerAsync("default", "web", TimeSpan.FromSeconds(30));
        var manifest = Examples.Canary.Replace(text, typo, StringComparison.Ordinal);
        Assert.NotEqual(Examples.Canary, manifest);
        var rollout = EndToEndStack.ReadRollout(manifest);
        stack.Sandbox.Kubernetes.Audit.Clear();

        var revision = await stack.DeployAsync(rollout);
        var failed = await stack.WaitForAsync("web", s => s.Phase == "Degraded", "the revision to be refused");

        Assert.True(failed.Message.Contains($"{missing} not found", StringComparison.Ordinal), failed.Message);
        Assert.Contains(failed.Events, e => e.Text == failed.Message);
        Assert.Equal((1L, 0L, 0), (failed.Revision, failed.StableRevision, failed.SetWeight));
        Assert.Null(failed.StableReplicaSet);
        Assert.Empty(WorkerWrites(stack));
        Assert.Null(await stack.ReplicasAsync($"web-{revision.PodTemplateHash}"));

        // One attempt, failed for good with the spec error type: no retries hammering the API server.
        var history = await stack.Handle("web").FetchHistoryAsync();
        var failure = Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskFailed).ActivityTaskFailedEventAttributes.Failure;
        Assert.Equal((Names.InvalidRolloutSpecError, true), (failure.ApplicationFailureInfo.Type, failure.ApplicationFailureInfo.NonRetryable));
        Assert.Equal(1, Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskStarted).ActivityTaskStartedEventAttributes.Attempt);

        // Once the object exists, Retry rolls the same revision out; the audit log now shows the worker's writes,
        // so the empty check above could have failed.
        await stack.SeedAsync(fix);
        await stack.Handle("web").ExecuteUpdateAsync(wf => wf.RetryAsync());
        await stack.WaitForHealthyAsync("web", 1);
        Assert.Contains(WorkerWrites(stack), w => w.Resource == "replicasets.apps" && w.Verb == "create");
    }

    [Fact]
    public async Task Deploy_SecondRevisionNamingAMissingService_RefusedWhileTheStableRevisionKeepsServing()
    {
        const string actionKey = "alb.ingress.kubernetes.io/actions.web-stable";
        await using var stack = await EndToEndStack.StartAsync();
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(Examples.Canary);
        var action = await stack.AnnotationAsync("web", actionKey);
        var typo = EndToEndStack.ReadRollout(Examples.Canary.Replace("canaryService: web-canary", "canaryService: web-canry", StringComparison.Ordinal));
        stack.Sandbox.Kubernetes.Audit.Clear();

        var second = await stack.DeployAsync(typo.WithImage("web", "nginx:1.28"));
        var failed = await stack.WaitForAsync("web", s => s.Phase == "Degraded", "revision 2 to be refused");
        var traffic = await stack.StopTrafficAsync();

        Assert.True(failed.Message.Contains("spec.strategy.canary.canaryService: Service default/web-canry not found", StringComparison.Ordinal), failed.Message);
        Assert.Equal((2L, 1L, 0), (failed.Revision, failed.StableRevision, failed.SetWeight));
        Assert.Equal($"web-{first.PodTemplateHash}", failed.StableReplicaSet);
        Assert.Empty(WorkerWrites(stack));
        Assert.Null(await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));
        Assert.Equal(4, await stack.ReplicasAsync($"web-{first.PodTemplateHash}"));
        Assert.Equal(first.PodTemplateHash, await stack.SelectedHashAsync("web-canary"));
        Assert.Equal(action, await stack.AnnotationAsync("web", actionKey));
        TrafficAssert.NoFailedRequests(traffic);
        Assert.Equal([first.PodTemplateHash], traffic.ByRevision.Keys);
    }

    [Fact]
    public async Task Deploy_RevisionWithAnInvalidSpec_RejectedByTheWorkflowWithTheFieldAndNothingScheduledOrWritten()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        await stack.Sandbox.WaitForLoadBalancerAsync("default", "web", TimeSpan.FromSeconds(30));
        var good = RolloutRevisionMapper.ToRevision(EndToEndStack.ReadRollout(Examples.Canary), EndToEndStack.VerifiedSettings);
        var canary = good.Spec.Canary!;
        var bad = good with { Spec = good.Spec with { Canary = canary with { Steps = [CanaryStep.SetWeightTo(150), .. canary.Steps.Skip(1)] } } };
        stack.Sandbox.Kubernetes.Audit.Clear();

        await stack.DeployRevisionAsync(bad);
        var rejected = await stack.WaitForAsync("web", s => s.Events.Count > 0, "the rejection event");

        Assert.Equal($"Deploy of {bad.PodTemplateHash} rejected: spec.strategy.canary.steps[0].setWeight: 150 is outside 0..100", rejected.Events.Single().Text);
        Assert.Equal((0L, 0L, "Progressing", "waiting for the first revision"), (rejected.Revision, rejected.StableRevision, rejected.Phase, rejected.Message));
        var history = await stack.Handle("web").FetchHistoryAsync();
        Assert.DoesNotContain(history.Events, e => e.EventType == EventType.ActivityTaskScheduled);
        Assert.Empty(WorkerWrites(stack));

        // The workflow stays usable: the corrected revision rolls out as revision 1.
        await stack.DeployRevisionAsync(good);
        await stack.WaitForHealthyAsync("web", 1);
        Assert.NotEmpty(WorkerWrites(stack));
    }

    /// <summary>A Service missing from the examples, named as in the first case.</summary>
    private const string MissingService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web-canry
          namespace: default
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 80
            targetPort: 80
        """;

    /// <summary>The example Ingress under the name of the second case.</summary>
    private const string MissingIngress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web-typo
          namespace: default
          annotations:
            alb.ingress.kubernetes.io/scheme: internet-facing
            alb.ingress.kubernetes.io/target-type: ip
        spec:
          ingressClassName: alb
          rules:
          - http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web-stable
                    port:
                      name: use-annotation
        """;

    /// <summary>
    /// Successful writes since the audit log was cleared, except the LBC simulator's (events it records, Ingress
    /// status, TargetGroupBindings) and the test's own seeding of Services and Ingresses by create.
    /// </summary>
    private static List<AuditEntry> WorkerWrites(EndToEndStack stack) =>
        [.. stack.Sandbox.Kubernetes.Audit.SuccessfulWrites.Where(w =>
            !(w.Resource == "events" && w.Verb == "create")
            && !(w.Resource == "ingresses.networking.k8s.io" && w.Subresource == "status")
            && w.Resource != "targetgroupbindings.elbv2.k8s.aws"
            && !(w.Resource is "services" or "ingresses.networking.k8s.io" && w.Verb == "create"))];
}
