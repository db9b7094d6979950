namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;
using static RolloutWorkflows.Sandbox.Aws.Tests.Elbv2.SignedElbv2Client;

public sealed class DescribeLoadBalancersTests : IAsyncDisposable
{
    private readonly Elbv2Emulator emulator = Elbv2Emulator.CreateInMemory();
    private readonly SignedElbv2Client client;

    public DescribeLoadBalancersTests() => client = new SignedElbv2Client(emulator);

    [Fact]
    public async Task DescribeLoadBalancers_ByName_ReturnsEnvelopeWithArnAndDnsName()
    {
        var ids = SampleAlb.Seed(emulator.Store);

        var answer = await client.CallAsync("DescribeLoadBalancers", ("Names.member.1", ids.LoadBalancer.Name));

        Assert.Equal(200, answer.Status);
        Assert.Equal(Elbv2Answer.Ns + "DescribeLoadBalancersResponse", answer.Xml.Root!.Name);
        Assert.Single(answer.Values("RequestId"));
        var member = Assert.Single(answer.Members("LoadBalancers"));
        Assert.Equal(ids.LoadBalancer.Arn, member.Element(Elbv2Answer.Ns + "LoadBalancerArn")!.Value);
        Assert.Matches(@"^k8s-default-webingre-2b1f0c9d3e-\d{10}\.us-west-2\.elb\.amazonaws\.com$", member.Element(Elbv2Answer.Ns + "DNSName")!.Value);
        Assert.Matches(@"^arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/k8s-default-webingre-2b1f0c9d3e/[0-9a-f]{16}$", ids.LoadBalancer.Arn);
        Assert.Equal("active", member.Element(Elbv2Answer.Ns + "State")!.Element(Elbv2Answer.Ns + "Code")!.Value);
    }

    [Fact]
    public async Task DescribeLoadBalancers_SevenBalancersPageSizeThree_ThreePagesCoverAllOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            SampleAlb.Seed(emulator.Store, $"k8s-default-web{i}-0000000000");
        }

        var names = new List<string>();
        var pages = 0;
        string? marker = null;
        do
        {
            var parameters = new List<(string, string)> { ("PageSize", "3") };
            if (marker is not null)
            {
                parameters.Add(("Marker", marker));
            }

            var answer = await client.CallAsync("DescribeLoadBalancers", [.. parameters]);
            Assert.Equal(200, answer.Status);
            names.AddRange(answer.Values("LoadBalancerName"));
            marker = answer.NextMarker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"k8s-default-web{i}-0000000000"), names);
    }

    [Fact]
    public async Task DescribeLoadBalancers_ByArns_ReturnsOnlyThose()
    {
        var first = SampleAlb.Seed(emulator.Store, "k8s-a-a-1111111111");
        SampleAlb.Seed(emulator.Store, "k8s-b-b-2222222222");

        var answer = await client.CallAsync("DescribeLoadBalancers", List("LoadBalancerArns", [first.LoadBalancer.Arn]));

        Assert.Equal(["k8s-a-a-1111111111"], answer.Values("LoadBalancerName"));
    }

    [Fact]
    public async Task DescribeLoadBalancers_UnknownName_LoadBalancerNotFound()
    {
        SampleAlb.Seed(emulator.Store);

        var answer = await client.CallAsync("DescribeLoadBalancers", ("Names.member.1", "nope"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("LoadBalancerNotFound", answer.ErrorCode);
        Assert.Equal("Sender", answer.ErrorType);
    }

    [Fact]
    public async Task DescribeLoadBalancers_NamesAndArnsTogether_ValidationError()
    {
        var ids = SampleAlb.Seed(emulator.Store);

        var answer = await client.CallAsync("DescribeLoadBalancers", ("Names.member.1", ids.LoadBalancer.Name), ("LoadBalancerArns.member.1", ids.LoadBalancer.Arn));

        Assert.Equal(400, answer.Status);
        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    [Theory]
    [InlineData("PageSize", "0")]
    [InlineData("PageSize", "401")]
    [InlineData("Marker", "bm90LWEtbWFya2Vy")]
    public async Task DescribeLoadBalancers_BadPagingParameter_ValidationError(string name, string value)
    {
        SampleAlb.Seed(emulator.Store);

        var answer = await client.CallAsync("DescribeLoadBalancers", (name, value));

        Assert.Equal("ValidationError", answer.ErrorCode);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }
}
