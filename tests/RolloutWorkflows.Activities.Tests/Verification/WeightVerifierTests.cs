namespace RolloutWorkflows.Activities.Tests.Verification;

using RolloutWorkflows.Activities.Verification;

public class WeightVerifierTests
{
    public const string Host = "k8s-default-web-1234567890.us-west-2.elb.amazonaws.com";

    private static WeightVerificationRequest Request(int canary, string[]? hostnames = null, string ingress = "web") =>
        new("default", ingress, hostnames ?? [Host], "80", [new("web-canary", canary), new("web-stable", 100 - canary)]);

    [Fact]
    public void Verify_RuleCarriesDesiredWeights_VerifiedWithBothDestinationsReported()
    {
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(canary, 10), (stable, 90)]);

        var result = WeightVerifier.Verify(Request(10), [alb.Build()]);

        Assert.True(result.Verified, result.Reason);
        Assert.Null(result.Reason);
        Assert.Equal([("web-canary", canary, 10, (int?)10), ("web-stable", stable, 90, (int?)90)],
            result.TargetGroups.Select(t => (t.ServiceName, t.TargetGroupArn, t.ExpectedWeight, t.ActualWeight)));
        Assert.All(result.TargetGroups, t => Assert.Equal("1", t.RulePriority));
    }

    [Fact]
    public void Verify_LaggingRuleStillAtPreviousWeight_NotVerifiedWithReasonNamingServiceAndWeights()
    {
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(canary, 0), (stable, 100)]);

        var result = WeightVerifier.Verify(Request(20), [alb.Build()]);

        Assert.False(result.Verified);
        Assert.Contains("service web-canary has weight 0 of 100, expected 20 of 100", result.Reason, StringComparison.Ordinal);
        Assert.Contains("service web-stable has weight 100 of 100, expected 80 of 100", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_StableWeightWrongWhileCanaryRight_NotVerified()
    {
        // Argo never compares the stable weight; an extra destination taking traffic must be noticed.
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        var other = alb.TargetGroup("default/web-web-preview:80");
        alb.Listener(80, [(canary, 10), (stable, 60), (other, 30)]);

        var result = WeightVerifier.Verify(Request(10), [alb.Build()]);

        Assert.False(result.Verified);
        Assert.False(result.TargetGroups.Single(t => t.ServiceName == "web-stable").Matches);
    }

    [Fact]
    public void Verify_HeaderRouteRuleForwardsCanaryAloneAfterWeightedRule_JudgesTheWeightedRuleOnly()
    {
        // Argo's "last rule seen wins" reports canary 100 here; the header route is a different action.
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(canary, 10), (stable, 90)], [(canary, 100)]);

        var result = WeightVerifier.Verify(Request(10), [alb.Build()]);

        Assert.True(result.Verified, result.Reason);
        Assert.All(result.TargetGroups, t => Assert.EndsWith("rule-1", t.RuleArn, StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_TwoListenersOneLagging_NotVerifiedAndNamesTheListener()
    {
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(canary, 30), (stable, 70)]).Listener(443, [(canary, 0), (stable, 100)]);

        var result = WeightVerifier.Verify(Request(30), [alb.Build()]);

        Assert.False(result.Verified);
        Assert.Contains("listener 443 rule 1", result.Reason, StringComparison.Ordinal);
        Assert.Equal(4, result.TargetGroups.Count);
    }

    [Fact]
    public void Verify_RelativeWeightsWithSameShares_Verified()
    {
        var alb = new AlbObservationBuilder(Host);
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(canary, 1), (stable, 3)]);

        Assert.True(WeightVerifier.Verify(Request(25), [alb.Build()]).Verified);
    }

    [Fact]
    public void Verify_NoHostnameYet_NotVerifiedWithReason()
    {
        var result = WeightVerifier.Verify(Request(10, hostnames: []), []);

        Assert.False(result.Verified);
        Assert.Contains("no load balancer hostname", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LoadBalancerNotFound_NotVerifiedWithHostnameInReason()
    {
        var result = WeightVerifier.Verify(Request(10), [LoadBalancerObservation.NotFound(Host)]);

        Assert.False(result.Verified);
        Assert.Contains(Host, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CanaryTargetGroupNotCreatedYet_NotVerifiedNamingTheResourceId()
    {
        var alb = new AlbObservationBuilder(Host);
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(stable, 100)]);

        var result = WeightVerifier.Verify(Request(10), [alb.Build()]);

        Assert.False(result.Verified);
        Assert.Contains("ingress.k8s.aws/resource=default/web-web-canary:80", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.TargetGroups.Single(t => t.ServiceName == "web-canary").TargetGroupArn);
    }

    [Fact]
    public void Verify_CanaryZeroAndRuleForwardsStableOnly_Verified()
    {
        var alb = new AlbObservationBuilder(Host);
        alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(stable, 1)]);

        var result = WeightVerifier.Verify(Request(0), [alb.Build()]);

        Assert.True(result.Verified, result.Reason);
        Assert.Equal(0, result.TargetGroups.Single(t => t.ServiceName == "web-canary").ActualWeight);
    }

    [Fact]
    public void Verify_TwoHostnamesSecondLagging_NotVerified()
    {
        var external = new AlbObservationBuilder(Host);
        var internalAlb = new AlbObservationBuilder("internal-k8s-default-webint-99.us-west-2.elb.amazonaws.com");
        foreach (var (alb, canaryWeight) in new[] { (external, 40), (internalAlb, 20) })
        {
            var canary = alb.TargetGroup("default/web-web-canary:80");
            var stable = alb.TargetGroup("default/web-web-stable:80");
            alb.Listener(80, [(canary, canaryWeight), (stable, 100 - canaryWeight)]);
        }

        var result = WeightVerifier.Verify(Request(40, [Host, internalAlb.Hostname]), [external.Build(), internalAlb.Build()]);

        Assert.False(result.Verified);
        Assert.All(result.TargetGroups.Where(t => t.Hostname == Host), t => Assert.True(t.Matches));
        Assert.All(result.TargetGroups.Where(t => t.Hostname != Host), t => Assert.False(t.Matches));
    }

    [Fact]
    public void Verify_TargetGroupsOfAnotherIngressOnSameAlb_AreNotMistakenForOurs()
    {
        var alb = new AlbObservationBuilder(Host);
        var otherCanary = alb.TargetGroup("default/other-web-canary:80");
        var otherStable = alb.TargetGroup("default/other-web-stable:80");
        var canary = alb.TargetGroup("default/web-web-canary:80");
        var stable = alb.TargetGroup("default/web-web-stable:80");
        alb.Listener(80, [(otherCanary, 50), (otherStable, 50)], [(canary, 10), (stable, 90)]);

        var result = WeightVerifier.Verify(Request(10), [alb.Build()]);

        Assert.True(result.Verified, result.Reason);
        Assert.All(result.TargetGroups, t => Assert.EndsWith("rule-2", t.RuleArn, StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_PingPongAfterPromotion_PongStableAt100Verified_ReverseNot()
    {
        var alb = new AlbObservationBuilder(Host);
        var ping = alb.TargetGroup("default/web-web-ping:80");
        var pong = alb.TargetGroup("default/web-web-pong:80");
        alb.Listener(80, [(ping, 0), (pong, 100)]);
        var observation = alb.Build();

        var promoted = WeightVerifier.Verify(new("default", "web", [Host], "80", [new("web-ping", 0), new("web-pong", 100)]), [observation]);
        var reversed = WeightVerifier.Verify(new("default", "web", [Host], "80", [new("web-ping", 100), new("web-pong", 0)]), [observation]);

        Assert.True(promoted.Verified, promoted.Reason);
        Assert.False(reversed.Verified);
    }

    [Fact]
    public void Verify_DestinationListedTwice_ThrowsNamingTheField()
    {
        var request = new WeightVerificationRequest("default", "web", [Host], "80", [new("a", 50), new("a", 50)]);

        var error = Assert.Throws<ArgumentException>(() => WeightVerifier.Verify(request, []));

        Assert.Contains("Destinations", error.Message, StringComparison.Ordinal);
    }
}
