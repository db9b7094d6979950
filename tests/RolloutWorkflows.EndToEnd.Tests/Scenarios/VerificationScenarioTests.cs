namespace RolloutWorkflows.EndToEnd.Tests.Scenarios;

using RolloutWorkflows.EndToEnd.Tests.Support;
using RolloutWorkflows.Worker.Sandbox;

/// <summary>
/// Weight and target verification against a slow load balancer controller: every change the worker makes waits
/// until the ALB really does what was last asked (argo issue 3333: a rollout that completed before traffic converged).
/// </summary>
public sealed class VerificationScenarioTests
{
    private const string ActionKey = "alb.ingress.kubernetes.io/actions.web-stable";

    private const string StableOnlyAction =
        """{"type":"forward","forwardConfig":{"targetGroups":[{"serviceName":"web-canary","servicePort":"80","weight":0},{"serviceName":"web-stable","servicePort":"80","weight":100}]}}""";

    [Fact]
    public async Task Verification_LaggingLbc_FirstRevisionHealthyOnlyOnceTheStableTargetGroupHasItsPods()
    {
        await using var stack = await EndToEndStack.StartAsync(new SandboxStackOptions { TimeSkipping = true, LbcReconcileLag = TimeSpan.FromSeconds(2) });
        var settings = EndToEndStack.VerifiedSettings;
        // The Ingress already carries its action (stable 100 %, e.g. kept from an earlier install), and the ALB has
        // it: the weights verify at once and only the registration of the new pods lags behind.
        await stack.SeedAsync(Examples.Canary.Replace(
            "    alb.ingress.kubernetes.io/target-type: ip\n",
            "    alb.ingress.kubernetes.io/target-type: ip\n    " + ActionKey + ": '" + StableOnlyAction + "'\n",
            StringComparison.Ordinal));
        await stack.WaitForAlbAsync(alb => alb.WeightOf("web-stable") == 100, "the seeded action live on the ALB");
        var first = await stack.DeployAsync(EndToEndStack.ReadRollout(Examples.Canary), settings);
        await stack.WaitForHealthyAsync("web", 1);
        var alb = stack.Alb;

        // Healthy means served: read at that moment, without waiting for the LBC, every pod is in the target group.
        var pods = await stack.PodIpsAsync(first.PodTemplateHash);
        Assert.Equal(4, pods.Count);
        Assert.Subset(alb.RegisteredIn("web-stable").ToHashSet(), pods.ToHashSet());
        Assert.Equal(100, alb.WeightOf("web-stable"));
    }

    [Fact]
    public async Task Verification_LaggingLbc_NoChangeBeforeTheLastWeightIsLiveAndNoScaleDownBeforeRegistration()
    {
        // The LBC takes 2 s (four times the default) to apply anything; time skipping still passes pauses and delays at once, so only
        // verification can hold the rollout back. The deadline is far away in skipped time.
        await using var stack = await EndToEndStack.StartAsync(new SandboxStackOptions { TimeSkipping = true, LbcReconcileLag = TimeSpan.FromSeconds(2) });
        var settings = EndToEndStack.VerifiedSettings;
        var (rollout, first) = await stack.StableCanaryWithTrafficAsync(Examples.Canary, settings);
        await using var recorder = await stack.RecordAsync();

        var second = await stack.DeployAsync(rollout.WithImage("web", "nginx:1.28"), settings);
        var waiting = await stack.WaitForAsync("web", s => s.Revision == 2 && s.SetWeight == 20 && s.ActualWeight is null, "20 % set but not yet verified");
        Assert.Equal(0, waiting.Step);
        Assert.Equal(1, await stack.ReplicasAsync($"web-{second.PodTemplateHash}"));

        var healthy = await stack.WaitForHealthyAsync("web", 2);
        var traffic = await stack.StopTrafficAsync();
        await recorder.CaughtUpAsync();

        foreach (var weight in new[] { 20, 50, 100, 0 })
        {
            Assert.Contains(healthy.Events, e => e.Text == $"weight {weight}% verified");
        }

        // At every change the worker made (ReplicaSet sizes, selectors, the action itself), the ALB already did
        // what the action said before that change: no step moved on while the LBC lagged.
        var changes = new List<(string What, long ResourceVersion, AlbView Alb)>();
        foreach (var hash in new[] { first.PodTemplateHash, second.PodTemplateHash })
        {
            changes.AddRange(recorder.ScaleChanges($"web-{hash}").Where(c => !c.Baseline).Select(c => ($"scale web-{hash} to {c.To}", c.ResourceVersion, c.Alb)));
        }

        foreach (var service in new[] { "web-canary", "web-stable" })
        {
            changes.AddRange(recorder.SelectorChanges(service).Where(c => !c.Baseline).Select(c => ($"point {service} at {c.To}", c.ResourceVersion, c.Alb)));
        }

        changes.AddRange(recorder.AnnotationChanges("web", ActionKey).Where(c => !c.Baseline).Select(c => ($"action {c.To}", c.ResourceVersion, c.Alb)));
        Assert.Equal(5 + 2 + 4, changes.Count); // canary created then scaled to 1, 2 and 4, old scaled to 0; two selectors; four weights
        foreach (var (what, rv, alb) in changes.OrderBy(c => c.ResourceVersion))
        {
            var asked = recorder.AnnotationAt("web", ActionKey, rv - 1);
            var live = (alb.WeightOf("web-canary"), alb.WeightOf("web-stable"));
            Assert.True(
                live == (AlbActionWeights.WeightOf(asked, "web-canary"), AlbActionWeights.WeightOf(asked, "web-stable")),
                $"{what} happened while the ALB had canary/stable {live} but the action said {asked}");
        }

        var oldDown = recorder.ScaleChanges($"web-{first.PodTemplateHash}")[^1];
        Assert.Equal(0, oldDown.To);
        Assert.Subset(oldDown.Alb.RegisteredIn("web-stable").ToHashSet(), (await stack.PodIpsAsync(second.PodTemplateHash)).ToHashSet());
        Assert.Equal(second.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal((4, 0), (await stack.ReplicasAsync($"web-{second.PodTemplateHash}"), await stack.ReplicasAsync($"web-{first.PodTemplateHash}")));
        TrafficAssert.NoFailedRequests(traffic);
    }
}
