namespace RolloutWorkflows.Tests.Model;

using System.Text.Json;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;

public class RolloutModelTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("30", 30)]
    [InlineData("0", 0)]
    [InlineData("1500ms", 1.5)]
    public void PauseDuration_ValidText_Parses(string text, double seconds)
    {
        Assert.True(PauseDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10x")]
    [InlineData("-5s")]
    [InlineData("ten seconds")]
    [InlineData("1d")]
    public void PauseDuration_InvalidText_IsRejected(string text)
    {
        Assert.False(PauseDuration.TryParse(text, out _));
    }

    [Fact]
    public void Rollout_SystemTextJson_RoundTripsLosslessly()
    {
        var rollout = Manifests.Rollout(RepoFiles.Read("examples/pingpong.yaml").Split("---")[0]);
        var json = JsonSerializer.Serialize(rollout);

        var copy = JsonSerializer.Deserialize<Rollout>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy));
        Assert.Equal(rollout.Strategy.Canary!.PingPong, copy.Strategy.Canary!.PingPong);
        Assert.Equal(rollout.Strategy.Canary.Steps, copy.Strategy.Canary.Steps);
        Assert.Equal(rollout.ComputePodTemplateHash(), copy.ComputePodTemplateHash());
    }

    [Fact]
    public void PodTemplateHash_Format_IsLikeArgos()
    {
        var hash = Manifests.ExampleRollout().ComputePodTemplateHash();

        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
    }

    [Fact]
    public void PodTemplateHash_KeyOrderAndSource_DoNotMatter()
    {
        var a = Manifests.Tree("metadata: {labels: {app: web, tier: x}}\nspec: {containers: [{name: web, image: a:1, ports: [{containerPort: 80}]}]}");
        var b = Manifests.Tree("""{"spec":{"containers":[{"ports":[{"containerPort":80}],"image":"a:1","name":"web"}]},"metadata":{"labels":{"tier":"x","app":"web"}}}""");

        Assert.Equal(PodTemplateHash.Compute(a), PodTemplateHash.Compute(b));
    }

    [Fact]
    public void PodTemplateHash_KnownTemplate_IsStableAcrossReleases()
    {
        // Pinned value: changing the algorithm would re-create every running ReplicaSet.
        var template = Manifests.Tree("metadata: {labels: {app: web}}\nspec: {containers: [{name: web, image: nginx:1.27}]}");

        Assert.Equal("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}""", CanonicalJson.Write(template));
        Assert.Equal("6c8d7489d5", PodTemplateHash.Compute(template));
        Assert.Equal(PodTemplateHash.Compute(template), PodTemplateHash.Compute(Manifests.Tree(CanonicalJson.Write(template))));
        Assert.NotEqual(PodTemplateHash.Compute(template), PodTemplateHash.Compute(template, collisionCount: 1));
    }

    [Fact]
    public void WithImage_NamedContainer_ChangesImageAndHashOnly()
    {
        var rollout = Manifests.ExampleRollout();

        var updated = rollout.WithImage("web", "nginx:1.28");

        Assert.Equal("nginx:1.28", updated.Template!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("nginx:1.27", rollout.Template!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.NotEqual(rollout.ComputePodTemplateHash(), updated.ComputePodTemplateHash());
        Assert.Equal(rollout.ComputePodTemplateHash(), updated.WithImage("web", "nginx:1.27").ComputePodTemplateHash());
    }

    [Fact]
    public void WithImage_UnknownContainer_ListsTheContainers()
    {
        var ex = Assert.Throws<ArgumentException>(() => Manifests.ExampleRollout().WithImage("app", "x:1"));

        Assert.Contains("no container named \"app\"; containers are: web", ex.Message, StringComparison.Ordinal);
    }
}
