namespace RolloutWorkflows.Activities.Tests.Aws;

using RolloutWorkflows.Activities.Aws;
using Sim = RolloutWorkflows.Sandbox.Aws.Elbv2;

[Collection(AwsEnvironmentCollection.Name)]
public sealed class AwsEnvironmentTests : IAsyncLifetime, IDisposable
{
    private readonly Elbv2Metrics metrics = new();
    private Sim.Elbv2Emulator emulator = null!;

    public async Task InitializeAsync() => emulator = await Sim.Elbv2Emulator.StartAsync(new Sim.Elbv2EmulatorOptions
    {
        Credentials =
        [
            new(Sim.Elbv2EmulatorOptions.DefaultAccessKey, Sim.Elbv2EmulatorOptions.DefaultSecretKey, "123456789012"),
            new(StsStandIn.AccessKeyId, StsStandIn.SecretAccessKey, "123456789012"),
        ],
    });

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    public void Dispose() => metrics.Dispose();

    private string EmulatorUrl => emulator.Endpoint.ToString().TrimEnd('/');

    [Fact]
    public async Task DefaultChain_AccessKeysInEnvironment_SignedCallsAccepted()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = Sim.Elbv2EmulatorOptions.DefaultAccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = Sim.Elbv2EmulatorOptions.DefaultSecretKey,
            ["AWS_REGION"] = "us-west-2",
            [Elbv2Endpoints.ServiceEndpointVariable] = EmulatorUrl,
        });
        using var credentials = new DefaultChainCredentials();
        var client = Elbv2Client.Create(new Elbv2ClientOptions(), credentials, metrics: metrics);

        var loadBalancers = await client.DescribeLoadBalancersAsync(null, null, default);

        Assert.Empty(loadBalancers);
        Assert.Equal("EnvironmentVariablesAWSCredentials", await credentials.DescribeSourceAsync(default));
        Assert.Equal(1, emulator.Counters.TotalCalls);
    }

    [Fact]
    public async Task DefaultChain_WebIdentityTokenFile_AssumesRoleAtLoopbackStsAndSigns()
    {
        await using var sts = await StsStandIn.StartAsync();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"rollouts-irsa-{Guid.NewGuid():N}.jwt");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.sandbox-service-account-token.sig");
        try
        {
            using var env = new EnvironmentScope(new Dictionary<string, string?>
            {
                ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
                ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/rollouts",
                ["AWS_ROLE_SESSION_NAME"] = "rollouts-test",
                ["AWS_ENDPOINT_URL_STS"] = sts.Endpoint.ToString().TrimEnd('/'),
                ["AWS_REGION"] = "us-west-2",
                [Elbv2Endpoints.ServiceEndpointVariable] = EmulatorUrl,
            });
            using var credentials = new DefaultChainCredentials();
            var client = Elbv2Client.Create(new Elbv2ClientOptions(), credentials, metrics: metrics);

            await client.DescribeLoadBalancersAsync(null, null, default);

            Assert.Equal("AssumeRoleWithWebIdentityCredentials", await credentials.DescribeSourceAsync(default));
            var body = Assert.Single(sts.Bodies);
            Assert.Contains("Action=AssumeRoleWithWebIdentity", body, StringComparison.Ordinal);
            Assert.Contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Frollouts", body, StringComparison.Ordinal);
            Assert.Contains("WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.sandbox-service-account-token.sig", body, StringComparison.Ordinal);
            Assert.Equal(1, emulator.Counters.TotalCalls);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Endpoint_ServiceVariableBeatsGlobalVariable()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            [Elbv2Endpoints.ServiceEndpointVariable] = EmulatorUrl,
            [Elbv2Endpoints.GlobalEndpointVariable] = "http://127.0.0.1:9",
        });
        var client = Elbv2Client.Create(new Elbv2ClientOptions { Region = "us-west-2" }, EmulatorHarness.GoodCredentials, metrics: metrics);

        await client.DescribeLoadBalancersAsync(null, null, default);

        Assert.Equal(emulator.Endpoint, client.Endpoint);
    }

    [Fact]
    public void Endpoint_OnlyGlobalVariable_UsesIt_NeitherGivesRegionalAwsEndpoint()
    {
        Uri global;
        using (new EnvironmentScope(new Dictionary<string, string?> { [Elbv2Endpoints.GlobalEndpointVariable] = "http://127.0.0.1:4566" }))
        {
            global = Elbv2Endpoints.ResolveEndpoint(new Elbv2ClientOptions(), Amazon.RegionEndpoint.USWest2);
        }

        using var none = new EnvironmentScope(new Dictionary<string, string?>());
        var standard = Elbv2Endpoints.ResolveEndpoint(new Elbv2ClientOptions(), Amazon.RegionEndpoint.EUCentral1);
        var china = Elbv2Endpoints.ResolveEndpoint(new Elbv2ClientOptions(), Amazon.RegionEndpoint.CNNorth1);

        Assert.Equal(new Uri("http://127.0.0.1:4566"), global);
        Assert.Equal(new Uri("https://elasticloadbalancing.eu-central-1.amazonaws.com/"), standard);
        Assert.Equal(new Uri("https://elasticloadbalancing.cn-north-1.amazonaws.com.cn/"), china);
    }

    [Fact]
    public void Endpoint_MalformedVariable_ErrorNamesTheVariable()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?> { [Elbv2Endpoints.ServiceEndpointVariable] = "127.0.0.1:4566" });

        var error = Assert.Throws<InvalidOperationException>(() => Elbv2Endpoints.ResolveEndpoint(new Elbv2ClientOptions(), Amazon.RegionEndpoint.USWest2));

        Assert.Contains(Elbv2Endpoints.ServiceEndpointVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_FromOptionsElseAwsRegionElseClearError()
    {
        string fromEnvironment;
        using (new EnvironmentScope(new Dictionary<string, string?> { ["AWS_REGION"] = "eu-central-1" }))
        {
            fromEnvironment = Elbv2Endpoints.ResolveRegion(new Elbv2ClientOptions()).SystemName;
            Assert.Equal("ap-southeast-2", Elbv2Endpoints.ResolveRegion(new Elbv2ClientOptions { Region = "ap-southeast-2" }).SystemName);
        }

        using var none = new EnvironmentScope(new Dictionary<string, string?>());
        var error = Assert.Throws<InvalidOperationException>(() => Elbv2Endpoints.ResolveRegion(new Elbv2ClientOptions()));

        Assert.Equal("eu-central-1", fromEnvironment);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }
}
