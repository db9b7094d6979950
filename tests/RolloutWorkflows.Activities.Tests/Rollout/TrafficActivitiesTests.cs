namespace RolloutWorkflows.Activities.Tests.Rollout;

using k8s;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;

/// <summary>
/// The ALB traffic activities through Temporal's ActivityEnvironment against the Kubernetes sandbox, the
/// LBC simulator and the ELBv2 emulator: what the workflow sees when it sets, verifies and resets weights.
/// </summary>
public sealed class TrafficActivitiesTests
{
    private const string OtherAction = """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"other-stable","ServicePort":"80","Weight":100}]}}""";

    [Fact]
    public async Task SetAlbWeights_FirstWriteThenRepeat_ByteExactActionAndUnchangedOnRepeat()
    {
        await using var world = await TrafficWorld.StartAsync();
        var input = new SetAlbWeightsInput(TrafficManifests.Action(), 30);

        var first = await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(input));
        var afterFirst = await world.Client.NetworkingV1.ReadNamespacedIngressAsync(TrafficManifests.IngressName, "default");
        var repeat = await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(input));
        var afterRepeat = await world.Client.NetworkingV1.ReadNamespacedIngressAsync(TrafficManifests.IngressName, "default");

        Assert.Equal(new SetAlbWeightsResult("web", true), first);
        Assert.Equal(
            """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"web-canary","ServicePort":"80","Weight":30},{"ServiceName":"web-stable","ServicePort":"80","Weight":70}]}}""",
            afterFirst.Metadata.Annotations[TrafficManifests.ActionKey]);
        Assert.Equal("""{"web":["alb.ingress.kubernetes.io/actions.web-root"]}""", afterFirst.Metadata.Annotations["rollouts.argoproj.io/managed-alb-annotations"]);
        Assert.Equal(new SetAlbWeightsResult("web", false), repeat);
        Assert.Equal(afterFirst.Metadata.ResourceVersion, afterRepeat.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task VerifyAlbWeights_BeforeLbcReconciled_NotYetVerifiedThenVerifiedWithPerTargetGroupWeights()
    {
        await using var world = await TrafficWorld.StartAsync();
        await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(new(TrafficManifests.Action(), 30)));
        var verify = new VerifyAlbWeightsInput(TrafficManifests.Action(), 30, 5);

        var noAlbYet = await Assert.ThrowsAsync<ApplicationFailureException>(() => world.Environment.RunAsync(() => world.Activities.VerifyAlbWeightsAsync(verify)));
        await world.ConvergeAsync();
        var verified = await world.Environment.RunAsync(() => world.Activities.VerifyAlbWeightsAsync(verify));

        Assert.Equal(Names.NotYetVerifiedError, noAlbYet.ErrorType);
        Assert.False(noAlbYet.NonRetryable);
        Assert.Contains("no load balancer yet", noAlbYet.Message, StringComparison.Ordinal);
        Assert.True(verified.Verified);
        var arns = world.Elb.Store.TargetGroups.ToDictionary(t => world.Elb.Store.GetTags(t.Arn)["ingress.k8s.aws/resource"], t => t.Arn);
        Assert.Equal(
            [
                new TargetGroupWeight("web-canary", arns["default/web-web-canary:80"], 30, 30),
                new TargetGroupWeight("web-stable", arns["default/web-web-stable:80"], 70, 70),
            ],
            verified.TargetGroups);
    }

    [Fact]
    public async Task VerifyAlbWeights_NewWeightNotYetReconciled_NotYetVerifiedNamingTheWeightThenVerified()
    {
        await using var world = await TrafficWorld.StartAsync();
        await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(new(TrafficManifests.Action(), 10)));
        await world.ConvergeAsync();
        await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(new(TrafficManifests.Action(), 60)));
        var verify = new VerifyAlbWeightsInput(TrafficManifests.Action(), 60, 5);

        var lagging = await Assert.ThrowsAsync<ApplicationFailureException>(() => world.Environment.RunAsync(() => world.Activities.VerifyAlbWeightsAsync(verify)));
        await world.ConvergeAsync();
        var verified = await world.Environment.RunAsync(() => world.Activities.VerifyAlbWeightsAsync(verify));

        Assert.Equal(Names.NotYetVerifiedError, lagging.ErrorType);
        Assert.Contains("web-canary has weight 10 of 100, expected 60 of 100", lagging.Message, StringComparison.Ordinal);
        Assert.Equal([60, 40], verified.TargetGroups.Select(t => t.Weight ?? -1));
    }

    [Fact]
    public async Task TrafficActivities_IngressMissing_NonRetryableObjectNotFound()
    {
        await using var world = await TrafficWorld.StartAsync();
        var action = TrafficManifests.Action(ingress: "no-such-ingress");

        var set = await Assert.ThrowsAsync<ApplicationFailureException>(() => world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(new(action, 10))));
        var verify = await Assert.ThrowsAsync<ApplicationFailureException>(() => world.Environment.RunAsync(() => world.Activities.VerifyAlbWeightsAsync(new(action, 10, 5))));
        var reset = await Assert.ThrowsAsync<ApplicationFailureException>(() => world.Environment.RunAsync(() => world.Activities.ResetAlbAnnotationsAsync(new(action))));

        Assert.All([set, verify, reset], e =>
        {
            Assert.Equal(Names.ObjectNotFoundError, e.ErrorType);
            Assert.True(e.NonRetryable);
            Assert.Contains("no-such-ingress", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ResetAlbAnnotations_SharedIngress_AllStableAndOtherRolloutsEntryKept()
    {
        await using var world = await TrafficWorld.StartAsync($$"""
                rollouts.argoproj.io/managed-alb-annotations: '{"other":["alb.ingress.kubernetes.io/actions.other-root"]}'
                alb.ingress.kubernetes.io/actions.other-root: '{{OtherAction}}'
            """);
        await world.Environment.RunAsync(() => world.Activities.SetAlbWeightsAsync(new(TrafficManifests.Action(), 40)));
        var shared = (await world.AnnotationsAsync())["rollouts.argoproj.io/managed-alb-annotations"];

        var reset = await world.Environment.RunAsync(() => world.Activities.ResetAlbAnnotationsAsync(new(TrafficManifests.Action())));
        var annotations = await world.AnnotationsAsync();
        await world.ConvergeAsync();

        Assert.Equal("""{"other":["alb.ingress.kubernetes.io/actions.other-root"],"web":["alb.ingress.kubernetes.io/actions.web-root"]}""", shared);
        Assert.Equal(new ResetAlbAnnotationsResult("web", true), reset);
        Assert.Equal("""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"web-stable","ServicePort":"80","Weight":100}]}}""", annotations[TrafficManifests.ActionKey]);
        Assert.Equal("""{"other":["alb.ingress.kubernetes.io/actions.other-root"]}""", annotations["rollouts.argoproj.io/managed-alb-annotations"]);
        Assert.Equal(OtherAction, annotations["alb.ingress.kubernetes.io/actions.other-root"]);
        var listener = Assert.Single(world.Elb.Store.Listeners);
        var forward = Assert.Single(Assert.Single(world.Elb.Store.GetRules(listener.Arn)).Actions).Forward!;
        var stable = Assert.Single(forward.TargetGroups);
        Assert.Equal(("default/web-web-stable:80", 100), (world.Elb.Store.GetTags(stable.TargetGroupArn)["ingress.k8s.aws/resource"], stable.Weight));
    }
}
