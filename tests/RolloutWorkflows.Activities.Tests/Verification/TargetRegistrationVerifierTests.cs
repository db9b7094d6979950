namespace RolloutWorkflows.Activities.Tests.Verification;

using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Verification;

public class TargetRegistrationVerifierTests
{
    private static TargetGroupRef IpGroup { get; } = new("arn:aws:elasticloadbalancing:us-west-2:1:targetgroup/k8s-default-web/0123", "ip");

    private static TargetVerificationRequest Request(params string[] ready) => new("default", "web-stable", ready, [IpGroup]);

    private static Elbv2TargetHealth Target(string ip, string state = "healthy", string? reason = null) => new(ip, 8080, null, state, reason, null);

    [Fact]
    public void Verify_AllReadyEndpointsRegisteredInAnyState_VerifiedAndExtraCounted()
    {
        var observed = new TargetGroupTargets(IpGroup, [Target("10.0.0.1"), Target("10.0.0.2", "initial", "Elb.RegistrationInProgress"), Target("10.0.0.9", "unhealthy")]);

        var result = TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080", "10.0.0.2:8080"), [observed]);

        Assert.True(result.Verified, result.Reason);
        Assert.Equal((2, 0, 1), (result.ExpectedCount, result.MissingCount, result.ExtraCount));
        Assert.Equal(["10.0.0.9:8080"], result.TargetGroups.Single().Extra);
    }

    [Fact]
    public void Verify_PartiallyRegistered_NotVerifiedListingMissing()
    {
        var observed = new TargetGroupTargets(IpGroup, [Target("10.0.0.1")]);

        var result = TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080"), [observed]);

        Assert.False(result.Verified);
        Assert.Equal(2, result.MissingCount);
        Assert.Equal(["10.0.0.2:8080", "10.0.0.3:8080"], result.TargetGroups.Single().Missing);
        Assert.Contains("1/3 ready endpoints registered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReadyEndpointDrainingOrNotRegistered_CountsAsMissing()
    {
        var observed = new TargetGroupTargets(IpGroup, [Target("10.0.0.1", "draining", "Target.DeregistrationInProgress"), Target("10.0.0.2", "unused", "Target.NotRegistered")]);

        var result = TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080", "10.0.0.2:8080"), [observed]);

        Assert.False(result.Verified);
        Assert.Equal(2, result.MissingCount);
        Assert.Equal(0, result.ExtraCount);
    }

    [Fact]
    public void Verify_WrongPortRegistered_IsMissing()
    {
        var observed = new TargetGroupTargets(IpGroup, [new Elbv2TargetHealth("10.0.0.1", 9090, null, "healthy", null, null)]);

        Assert.False(TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080"), [observed]).Verified);
    }

    [Fact]
    public void Verify_InstanceModeOnly_NothingToCheckIsVerified()
    {
        var instance = new TargetGroupTargets(new TargetGroupRef("arn:tg/instance", "instance"), []);

        var result = TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080"), [instance]);

        Assert.True(result.Verified);
        Assert.NotNull(result.TargetGroups.Single().SkippedReason);
    }

    [Fact]
    public void Verify_NoTargetGroupBound_NotVerified()
    {
        var result = TargetRegistrationVerifier.Verify(Request("10.0.0.1:8080"), []);

        Assert.False(result.Verified);
        Assert.Contains("no target group", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoReadyEndpoints_NotVerified()
    {
        var result = TargetRegistrationVerifier.Verify(Request(), [new TargetGroupTargets(IpGroup, [Target("10.0.0.1")])]);

        Assert.False(result.Verified);
        Assert.Contains("no ready endpoints", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithoutPort_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Request("10.0.0.1").Validate());

        Assert.Contains("ReadyEndpoints", error.Message, StringComparison.Ordinal);
    }
}
