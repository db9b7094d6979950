namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;
using static RolloutWorkflows.Sandbox.Aws.Tests.Elbv2.SignedElbv2Client;

public sealed class DescribeTargetGroupsAndTagsTests : IAsyncDisposable
{
    internal static readonly System.Xml.Linq.XNamespace Ns = Elbv2Answer.Ns;
    private readonly Elbv2Emulator emulator = Elbv2Emulator.CreateInMemory();
    private readonly SignedElbv2Client client;
    private readonly SampleAlb.Ids ids;

    public DescribeTargetGroupsAndTagsTests()
    {
        client = new SignedElbv2Client(emulator);
        ids = SampleAlb.Seed(emulator.Store);
    }

    [Fact]
    public async Task DescribeTargetGroups_ByLoadBalancer_BothGroupsWithLoadBalancerArn()
    {
        var answer = await client.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", ids.LoadBalancer.Arn));

        Assert.Equal([ids.Stable.Arn, ids.Canary.Arn], answer.Values("TargetGroupArn"));
        Assert.All(answer.Members("TargetGroups"), m => Assert.Equal(ids.LoadBalancer.Arn, m.Element(Ns + "LoadBalancerArns")!.Element(Ns + "member")!.Value));
        Assert.Equal(["ip", "ip"], answer.Values("TargetType"));
    }

    [Fact]
    public async Task DescribeTargetGroups_ByNamesPageSizeOne_TwoPages()
    {
        var first = await client.CallAsync("DescribeTargetGroups", [.. List("Names", [ids.Stable.Name, ids.Canary.Name]), ("PageSize", "1")]);
        var second = await client.CallAsync("DescribeTargetGroups", [.. List("Names", [ids.Stable.Name, ids.Canary.Name]), ("PageSize", "1"), ("Marker", first.NextMarker!)]);

        Assert.Equal([ids.Stable.Name], first.Values("TargetGroupName"));
        Assert.Equal([ids.Canary.Name], second.Values("TargetGroupName"));
        Assert.Null(second.NextMarker);
    }

    [Fact]
    public async Task DescribeTargetGroups_UnknownArn_TargetGroupNotFound()
    {
        var answer = await client.CallAsync("DescribeTargetGroups", ("TargetGroupArns.member.1", emulator.Store.Arns.TargetGroup("gone")));

        Assert.Equal(400, answer.Status);
        Assert.Equal("TargetGroupNotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeTargetGroups_LoadBalancerAndNames_ValidationError()
    {
        var answer = await client.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", ids.LoadBalancer.Arn), ("Names.member.1", ids.Stable.Name));

        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    [Fact]
    public async Task DescribeTags_TargetGroups_ReturnsLbcTrackingTags()
    {
        var answer = await client.CallAsync("DescribeTags", List("ResourceArns", [ids.Stable.Arn, ids.Canary.Arn]));

        var descriptions = answer.Members("TagDescriptions");
        Assert.Equal([ids.Stable.Arn, ids.Canary.Arn], descriptions.Select(d => d.Element(Ns + "ResourceArn")!.Value));
        var stableTags = descriptions[0].Descendants(Ns + "member").ToDictionary(m => m.Element(Ns + "Key")!.Value, m => m.Element(Ns + "Value")!.Value);
        Assert.Equal("default/web-ingress-web-stable:80", stableTags["ingress.k8s.aws/resource"]);
        Assert.Equal("default/web-ingress", stableTags["ingress.k8s.aws/stack"]);
        Assert.Equal("sandbox", stableTags["elbv2.k8s.aws/cluster"]);
    }

    [Fact]
    public async Task DescribeTags_TwentyArns_Accepted()
    {
        var arns = Enumerable.Repeat(ids.Stable.Arn, 20);

        var answer = await client.CallAsync("DescribeTags", List("ResourceArns", arns));

        Assert.Equal(200, answer.Status);
        Assert.Equal(20, answer.Members("TagDescriptions").Count);
    }

    [Fact]
    public async Task DescribeTags_TwentyOneArns_ValidationError()
    {
        var arns = Enumerable.Repeat(ids.Stable.Arn, 21);

        var answer = await client.CallAsync("DescribeTags", List("ResourceArns", arns));

        Assert.Equal(400, answer.Status);
        Assert.Equal("ValidationError", answer.ErrorCode);
        Assert.Contains("less than or equal to 20", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTags_MixedKindsIncludingDefaultRule_AllDescribed()
    {
        var defaultRule = emulator.Store.Arns.Rule(ids.Listener.Arn, "default");

        var answer = await client.CallAsync("DescribeTags", List("ResourceArns", [ids.LoadBalancer.Arn, ids.Listener.Arn, ids.Rule.Arn, defaultRule]));

        Assert.Equal(4, answer.Members("TagDescriptions").Count);
    }

    [Theory]
    [InlineData("loadbalancer/app/gone/0000000000000000", "LoadBalancerNotFound")]
    [InlineData("targetgroup/gone/0000000000000000", "TargetGroupNotFound")]
    [InlineData("listener/app/gone/0000000000000000/0000000000000000", "ListenerNotFound")]
    [InlineData("listener-rule/app/gone/0000000000000000/0000000000000000/0000000000000000", "RuleNotFound")]
    public async Task DescribeTags_UnknownArn_NotFoundOfItsKind(string resource, string code)
    {
        var answer = await client.CallAsync("DescribeTags", ("ResourceArns.member.1", $"arn:aws:elasticloadbalancing:us-west-2:123456789012:{resource}"));

        Assert.Equal(code, answer.ErrorCode);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }
}
