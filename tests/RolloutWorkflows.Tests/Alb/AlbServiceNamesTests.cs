namespace RolloutWorkflows.Tests.Alb;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Tests.Support;

public class AlbServiceNamesTests
{
    [Fact]
    public void Resolve_PlainCanary_UsesCanaryAndStableServices()
    {
        var names = AlbServiceNames.Resolve(Manifests.ExampleRollout().Strategy.Canary!, "ping");

        Assert.Equal(new AlbServiceNames("web-stable", "web-canary", "web-stable"), names);
    }

    [Fact]
    public void Resolve_PingStable_MakesPongTheCanary()
    {
        var canary = PingPongCanary();

        Assert.Equal(new AlbServiceNames("web-root", CanaryService: "web-pong", StableService: "web-ping"), AlbServiceNames.Resolve(canary, "ping"));
    }

    [Theory]
    [InlineData("pong")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolve_AnythingButPing_MakesPongStable(string? stablePingPong)
    {
        var names = AlbServiceNames.Resolve(PingPongCanary(), stablePingPong);

        Assert.Equal(("web-ping", "web-pong"), (names.CanaryService, names.StableService));
        Assert.Equal("web-root", names.ActionService);
    }

    private static Workflows.Model.CanaryStrategy PingPongCanary() =>
        Manifests.Rollout(RepoFiles.Read("examples/pingpong.yaml").Split("---")[0]).Strategy.Canary!;
}
