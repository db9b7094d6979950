namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>The same contract over Kestrel on loopback, with the SDK signer on a socket handler.</summary>
public sealed class Elbv2HttpServerTests
{
    [Fact]
    public async Task StartAsync_PortZero_ServesSignedCallsOnLoopback()
    {
        await using var emulator = await Elbv2Emulator.StartAsync();
        var ids = SampleAlb.Seed(emulator.Store);
        using var client = new SignedElbv2Client(emulator);

        var answer = await client.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", ids.LoadBalancer.Arn));

        Assert.Equal("127.0.0.1", emulator.Endpoint.Host);
        Assert.NotEqual(0, emulator.Endpoint.Port);
        Assert.Equal(200, answer.Status);
        Assert.Equal(2, answer.Values("TargetGroupArn").Count);
    }

    [Fact]
    public async Task StartAsync_WrongSecretOverHttp_SignatureDoesNotMatch()
    {
        await using var emulator = await Elbv2Emulator.StartAsync();
        using var client = new SignedElbv2Client(emulator, secretKey: "wrong");

        var answer = await client.CallAsync("DescribeLoadBalancers");

        Assert.Equal(403, answer.Status);
        Assert.Equal("SignatureDoesNotMatch", answer.ErrorCode);
    }

    [Fact]
    public async Task EnvironmentVariables_Started_PointAtEndpointWithTestCredentials()
    {
        await using var emulator = await Elbv2Emulator.StartAsync();

        var variables = emulator.EnvironmentVariables();

        Assert.Equal(emulator.Endpoint.ToString().TrimEnd('/'), variables["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"]);
        Assert.Equal("AKIDSANDBOX", variables["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("us-west-2", variables["AWS_REGION"]);
        Assert.Equal("true", variables["AWS_EC2_METADATA_DISABLED"]);
    }
}
