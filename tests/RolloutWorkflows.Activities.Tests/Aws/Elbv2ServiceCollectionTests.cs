namespace RolloutWorkflows.Activities.Tests.Aws;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Verification;

public sealed class Elbv2ServiceCollectionTests : IAsyncLifetime
{
    private EmulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task AddElbv2Client_BoundFromConfiguration_SignsThroughPrimaryHandlerAndVerifies()
    {
        var alb = new AlbSeed(harness.Store);
        var canary = alb.TargetGroup("default", "web", "web-canary");
        var stable = alb.TargetGroup("default", "web", "web-stable");
        alb.Rules(alb.Listener(80), [(canary, 25), (stable, 75)]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Elbv2:Region"] = "us-west-2",
            ["Aws:Elbv2:Endpoint"] = harness.Emulator.Endpoint.ToString(),
            ["Aws:Elbv2:RateLimit"] = "5",
            ["Aws:Elbv2:Burst"] = "15",
            ["Aws:Elbv2:TagsCacheTtl"] = "00:10:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddElbv2Client(configuration.GetSection(Elbv2ClientOptions.SectionName), credentials: EmulatorHarness.GoodCredentials);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<Elbv2ClientOptions>>().Value;
        var result = await provider.GetRequiredService<WeightVerificationService>().VerifyAsync(
            new("default", "web", [alb.DnsName], "80", [new("web-canary", 25), new("web-stable", 75)]), default);

        Assert.Equal((5d, 15, TimeSpan.FromMinutes(10)), (options.RateLimit, options.Burst, options.TagsCacheTtl));
        Assert.True(result.Verified, result.Reason);
        Assert.Equal(harness.Emulator.Counters.TotalCalls, provider.GetRequiredService<Elbv2Metrics>().Snapshot().TotalRequests);
    }

    [Fact]
    public async Task AddElbv2Client_InvalidPageSize_FailsOnFirstUseNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddElbv2Client(configure: o =>
        {
            o.Region = "us-west-2";
            o.Endpoint = harness.Emulator.Endpoint.ToString();
            o.PageSize = 0;
        }, credentials: EmulatorHarness.GoodCredentials);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IElbv2Api>());

        Assert.Contains("Aws:Elbv2:PageSize", error.Message, StringComparison.Ordinal);
    }
}
