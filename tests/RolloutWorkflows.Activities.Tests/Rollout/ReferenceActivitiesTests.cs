namespace RolloutWorkflows.Activities.Tests.Rollout;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Activities.Tests.Kubernetes;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;
using Temporalio.Testing;

/// <summary>
/// The read-only check that runs before an update writes anything, through ActivityEnvironment against the
/// Kubernetes sandbox with the real gateways: every problem at once, each with its Rollout field, non-retryable.
/// </summary>
public sealed class ReferenceActivitiesTests
{
    private const string Prefix = "alb.ingress.kubernetes.io";

    private static CheckReferencesInput Canary(string ingress = "web", string canaryService = "web-canary", int port = 80) => new(
        "default",
        "web",
        [
            new ServiceReference("spec.strategy.canary.canaryService", canaryService, port),
            new ServiceReference("spec.strategy.canary.stableService", "web-stable", port),
        ],
        [new IngressReference("spec.strategy.canary.trafficRouting.alb.ingress", ingress, "web-root", Prefix)]);

    [Fact]
    public async Task CheckReferences_EverythingThere_CountsWhatItChecked()
    {
        await using var cluster = Seeded();

        var result = await Run(cluster, Canary());

        Assert.Equal(new CheckReferencesResult(2, 1), result);
    }

    [Fact]
    public async Task CheckReferences_MissingServiceAndIngress_OneNonRetryableFailureNamingBothFields()
    {
        await using var cluster = Seeded();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(ingress: "web-typo", canaryService: "web-canry")));

        Assert.Equal((Names.InvalidRolloutSpecError, true), (failure.ErrorType, failure.NonRetryable));
        Assert.Equal(
            "spec.strategy.canary.canaryService: Service default/web-canry not found: create it or fix the name in the Rollout; "
            + "spec.strategy.canary.trafficRouting.alb.ingress: Ingress default/web-typo not found: create it or fix the name in the Rollout",
            failure.Message);
    }

    [Fact]
    public async Task CheckReferences_ServiceWithoutTheServicePort_NamesItsPorts()
    {
        await using var cluster = Seeded();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(port: 443)));

        Assert.StartsWith(
            "spec.strategy.canary.canaryService: Service default/web-canary does not expose port 443 (its ports: 80); set trafficRouting.alb.servicePort",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("spec.strategy.canary.stableService: Service default/web-stable does not expose port 443", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_IngressRuleWithoutUseAnnotationOrActionOwnedByAnotherRollout_Refused()
    {
        await using var cluster = Seeded();
        cluster.Sandbox.Store.Seed(TrafficManifests.Ingress(null)
            .Replace("name: web\n", "name: web-port\n", StringComparison.Ordinal)
            .Replace("port: {name: use-annotation}", "port: {number: 80}", StringComparison.Ordinal));
        cluster.Sandbox.Store.Seed(TrafficManifests.Ingress($"    rollouts.argoproj.io/managed-alb-annotations: '{{\"shop\":[\"{Prefix}/actions.web-root\"]}}'")
            .Replace("name: web\n", "name: web-owned\n", StringComparison.Ordinal));

        var port = await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(ingress: "web-port")));
        var owned = await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(ingress: "web-owned")));

        Assert.True(port.Message.Contains("backend.service.port: must be the port name use-annotation (got 80)", StringComparison.Ordinal), port.Message);
        Assert.StartsWith("spec.strategy.canary.trafficRouting.alb.ingress: ", port.Message, StringComparison.Ordinal);
        Assert.Contains($"action {Prefix}/actions.web-root is already managed by rollout \"shop\"", owned.Message, StringComparison.Ordinal);
        Assert.True(port.NonRetryable && owned.NonRetryable);
    }

    [Fact]
    public async Task CheckReferences_IngressOfAClassTheLbcDoesNotServe_RefusedNamingTheClassAndTheFlag()
    {
        await using var cluster = Seeded();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(), "alb-internal"));

        Assert.True(failure.NonRetryable);
        Assert.Contains("class \"alb\" is not an ALB ingress class (configured: alb-internal); use an ALB class or pass --alb-ingress-class alb", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_SeveralClassesConfigured_AnyOfThemIsAccepted()
    {
        await using var cluster = Seeded();

        var result = await Run(cluster, Canary(), "alb-internal", "alb");

        Assert.Equal(new CheckReferencesResult(2, 1), result);
    }

    [Fact]
    public async Task CheckReferences_WorkerRequiresVerificationAndRevisionHasNone_RefusedNamingTheDeployFlag()
    {
        await using var cluster = Seeded();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(
            () => Run(cluster, Canary() with { VerifiesTargetGroups = false }, new VerificationPolicyOptions { VerifyTargetGroups = true }));

        Assert.Equal((Names.InvalidRolloutSpecError, true), (failure.ErrorType, failure.NonRetryable));
        Assert.StartsWith("deploy settings: this worker requires target-group verification", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rollouts deploy --aws-verify-target-group", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public async Task CheckReferences_WorkerRequiresVerification_AcceptsVerifiedOrUnrecordedRevisions(bool? verifies)
    {
        await using var cluster = Seeded();

        var result = await Run(cluster, Canary() with { VerifiesTargetGroups = verifies }, new VerificationPolicyOptions { VerifyTargetGroups = true });

        Assert.Equal(new CheckReferencesResult(2, 1), result);
    }

    [Fact]
    public async Task CheckReferences_Refused_WritesNothing()
    {
        await using var cluster = Seeded();
        cluster.Sandbox.Audit.Clear();

        await Assert.ThrowsAsync<ApplicationFailureException>(() => Run(cluster, Canary(canaryService: "web-canry")));

        Assert.Empty(cluster.Sandbox.Audit.Entries);
    }

    private static SandboxCluster Seeded()
    {
        var cluster = SandboxCluster.Create();
        cluster.Sandbox.Store.Seed(TrafficManifests.Services);
        cluster.Sandbox.Store.Seed(TrafficManifests.Ingress(null));
        return cluster;
    }

    private static Task<CheckReferencesResult> Run(SandboxCluster cluster, CheckReferencesInput input, params string[] albClasses) =>
        Run(cluster, input, new VerificationPolicyOptions(), albClasses);

    private static Task<CheckReferencesResult> Run(SandboxCluster cluster, CheckReferencesInput input, VerificationPolicyOptions policy, params string[] albClasses)
    {
        var classes = new AlbIngressClassOptions();
        foreach (var albClass in albClasses)
        {
            classes.AlbIngressClasses.Add(albClass);
        }

        var activities = new ReferenceActivities(cluster.Services, cluster.Ingresses, classes, policy);
        return new ActivityEnvironment().RunAsync(() => activities.CheckReferencesAsync(input));
    }
}
