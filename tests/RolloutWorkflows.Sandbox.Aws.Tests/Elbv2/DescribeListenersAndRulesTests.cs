namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class DescribeListenersAndRulesTests : IAsyncDisposable
{
    internal static readonly System.Xml.Linq.XNamespace Ns = Elbv2Answer.Ns;
    private readonly Elbv2Emulator emulator = Elbv2Emulator.CreateInMemory();
    private readonly SignedElbv2Client client;
    private readonly SampleAlb.Ids ids;

    public DescribeListenersAndRulesTests()
    {
        client = new SignedElbv2Client(emulator);
        ids = SampleAlb.Seed(emulator.Store);
    }

    [Fact]
    public async Task DescribeListeners_ByLoadBalancer_Http80WithFixed404Default()
    {
        var answer = await client.CallAsync("DescribeListeners", ("LoadBalancerArn", ids.LoadBalancer.Arn));

        var listener = Assert.Single(answer.Members("Listeners"));
        Assert.Equal(ids.Listener.Arn, listener.Element(Ns + "ListenerArn")!.Value);
        Assert.Equal("80", listener.Element(Ns + "Port")!.Value);
        Assert.Equal("HTTP", listener.Element(Ns + "Protocol")!.Value);
        Assert.Equal(["fixed-response"], answer.Values("Type"));
        Assert.Equal(["404"], answer.Values("StatusCode"));
    }

    [Fact]
    public async Task DescribeListeners_UnknownListenerArn_ListenerNotFound()
    {
        var answer = await client.CallAsync("DescribeListeners", ("ListenerArns.member.1", ids.Listener.Arn + "0"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("ListenerNotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeListeners_NoFilter_ValidationError()
    {
        var answer = await client.CallAsync("DescribeListeners");

        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeRules_ByListener_WeightedForwardThenDefaultRule()
    {
        var answer = await client.CallAsync("DescribeRules", ("ListenerArn", ids.Listener.Arn));

        var rules = answer.Members("Rules");
        Assert.Equal(["1", "default"], rules.Select(r => r.Element(Ns + "Priority")!.Value));
        Assert.Equal(["false", "true"], rules.Select(r => r.Element(Ns + "IsDefault")!.Value));
        var groups = rules[0].Descendants(Ns + "ForwardConfig").Single().Element(Ns + "TargetGroups")!.Elements(Ns + "member").ToList();
        Assert.Equal([ids.Canary.Arn, ids.Stable.Arn], groups.Select(g => g.Element(Ns + "TargetGroupArn")!.Value));
        Assert.Equal(["10", "90"], groups.Select(g => g.Element(Ns + "Weight")!.Value));
        Assert.Equal("false", rules[0].Descendants(Ns + "TargetGroupStickinessConfig").Single().Element(Ns + "Enabled")!.Value);
        Assert.Equal(["/*"], rules[0].Descendants(Ns + "PathPatternConfig").Single().Descendants(Ns + "member").Select(m => m.Value));
        Assert.Equal("404", rules[1].Descendants(Ns + "StatusCode").Single().Value);
    }

    [Fact]
    public async Task DescribeRules_StickinessConfigured_EchoedWithDuration()
    {
        var forward = Elbv2Action.ForwardTo(new Elbv2ForwardConfig([new(ids.Stable.Arn, 1)], true, 3600));
        emulator.Store.SetRules(ids.Listener.Arn, [ids.Rule with { Actions = [forward] }]);

        var answer = await client.CallAsync("DescribeRules", ("RuleArns.member.1", ids.Rule.Arn));

        Assert.Equal(["true"], answer.Values("Enabled"));
        Assert.Equal(["3600"], answer.Values("DurationSeconds"));
    }

    [Fact]
    public async Task DescribeRules_UnknownRuleArn_RuleNotFound()
    {
        var answer = await client.CallAsync("DescribeRules", ("RuleArns.member.1", ids.Rule.Arn + "0"));

        Assert.Equal("RuleNotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeRules_ListenerAndRuleArns_ValidationError()
    {
        var answer = await client.CallAsync("DescribeRules", ("ListenerArn", ids.Listener.Arn), ("RuleArns.member.1", ids.Rule.Arn));

        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeRules_PageSizeOne_DefaultRuleOnSecondPage()
    {
        var first = await client.CallAsync("DescribeRules", ("ListenerArn", ids.Listener.Arn), ("PageSize", "1"));
        var second = await client.CallAsync("DescribeRules", ("ListenerArn", ids.Listener.Arn), ("PageSize", "1"), ("Marker", first.NextMarker!));

        Assert.Equal(["1"], first.Values("Priority"));
        Assert.Equal(["default"], second.Values("Priority"));
        Assert.Null(second.NextMarker);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }
}
