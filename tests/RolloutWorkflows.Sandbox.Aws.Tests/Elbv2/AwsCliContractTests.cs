namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The real AWS CLI (botocore's Query parser) against the emulator over loopback HTTP.</summary>
public sealed class AwsCliContractTests : IAsyncLifetime
{
    private Elbv2Emulator emulator = null!;
    private SampleAlb.Ids ids = null!;

    public async Task InitializeAsync()
    {
        emulator = await Elbv2Emulator.StartAsync();
        ids = SampleAlb.Seed(emulator.Store);
    }

    [Fact]
    public async Task DescribeLoadBalancers_AwsCliWithEndpointUrl_ParsesLoadBalancer()
    {
        var (code, json, error) = await AwsCli.RunAsync(emulator, false, "describe-load-balancers", "--names", ids.LoadBalancer.Name);

        Assert.True(code == 0, error);
        var lb = json!.RootElement.GetProperty("LoadBalancers")[0];
        Assert.Equal(ids.LoadBalancer.DnsName, lb.GetProperty("DNSName").GetString());
        Assert.Equal("active", lb.GetProperty("State").GetProperty("Code").GetString());
    }

    [Fact]
    public async Task DescribeTargetGroups_AwsCliWithEndpointFromEnvironment_ParsesBothGroups()
    {
        var (code, json, error) = await AwsCli.RunAsync(emulator, true, "describe-target-groups", "--load-balancer-arn", ids.LoadBalancer.Arn);

        Assert.True(code == 0, error);
        var names = json!.RootElement.GetProperty("TargetGroups").EnumerateArray().Select(t => t.GetProperty("TargetGroupName").GetString());
        Assert.Equal([ids.Stable.Name, ids.Canary.Name], names);
    }

    [Fact]
    public async Task DescribeRules_AwsCli_ParsesWeightsAndDefaultRule()
    {
        var (code, json, error) = await AwsCli.RunAsync(emulator, false, "describe-rules", "--listener-arn", ids.Listener.Arn);

        Assert.True(code == 0, error);
        var rules = json!.RootElement.GetProperty("Rules").EnumerateArray().ToList();
        Assert.Equal(["1", "default"], rules.Select(r => r.GetProperty("Priority").GetString()));
        var weights = rules[0].GetProperty("Actions")[0].GetProperty("ForwardConfig").GetProperty("TargetGroups").EnumerateArray()
            .Select(t => t.GetProperty("Weight").GetInt32());
        Assert.Equal([10, 90], weights);
        Assert.True(rules[1].GetProperty("IsDefault").GetBoolean());
    }

    [Fact]
    public async Task DescribeTags_AwsCli_ParsesTrackingTags()
    {
        var (code, json, error) = await AwsCli.RunAsync(emulator, false, "describe-tags", "--resource-arns", ids.Stable.Arn);

        Assert.True(code == 0, error);
        var tags = json!.RootElement.GetProperty("TagDescriptions")[0].GetProperty("Tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
        Assert.Equal("default/web-ingress-web-stable:80", tags["ingress.k8s.aws/resource"]);
    }

    [Fact]
    public async Task DescribeTargetGroups_AwsCliUnknownName_ReportsTargetGroupNotFound()
    {
        var (code, _, error) = await AwsCli.RunAsync(emulator, false, "describe-target-groups", "--names", "gone");

        Assert.NotEqual(0, code);
        Assert.Contains("TargetGroupNotFound", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeLoadBalancers_AwsCliPageSizeThenMarker_SecondPageIsTheNextBalancer()
    {
        // With an explicit --page-size the CLI v1 turns its own pagination off and prints NextMarker.
        SampleAlb.Seed(emulator.Store, "k8s-other-web-1234567890");

        var (code, first, error) = await AwsCli.RunAsync(emulator, false, "describe-load-balancers", "--page-size", "1");
        Assert.True(code == 0, error);
        var marker = first!.RootElement.GetProperty("NextMarker").GetString()!;
        var (code2, second, error2) = await AwsCli.RunAsync(emulator, false, "describe-load-balancers", "--page-size", "1", "--marker", marker);

        Assert.True(code2 == 0, error2);
        Assert.Equal(ids.LoadBalancer.Name, first.RootElement.GetProperty("LoadBalancers")[0].GetProperty("LoadBalancerName").GetString());
        Assert.Equal("k8s-other-web-1234567890", second!.RootElement.GetProperty("LoadBalancers")[0].GetProperty("LoadBalancerName").GetString());
        Assert.False(second.RootElement.TryGetProperty("NextMarker", out _));
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();
}
