namespace RolloutWorkflows.Tests.Cli;

using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Worker.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliRun files = new();

    [Theory]
    [InlineData("examples/rollout.yaml", "examples/ingress.yaml")]
    [InlineData("examples/rollout.yaml", "examples/services.yaml")]
    [InlineData("examples/pingpong.yaml", null)]
    [InlineData("examples/bluegreen.yaml", null)]
    public void Validate_Examples_PrintValid(string rollout, string? ingress)
    {
        string[] args = ingress is null ? ["validate", "-f", RepoFiles.PathOf(rollout)] : ["validate", "-f", RepoFiles.PathOf(rollout), "--ingress", RepoFiles.PathOf(ingress)];

        var (exit, output, error) = CliRun.Invoke(ValidateCommand.Create, args);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Equal("valid", output.Trim());
    }

    [Fact]
    public void Validate_AllExampleFilesTogether_IsValid()
    {
        var (exit, _, error) = CliRun.Invoke(ValidateCommand.Create,
            ["validate", "-f", RepoFiles.PathOf("examples/rollout.yaml"), "--ingress", RepoFiles.PathOf("examples/ingress.yaml"), "--ingress", RepoFiles.PathOf("examples/services.yaml")]);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Validate_EmptyIngressClass_AcceptsAnIngressWithoutClass()
    {
        var ingress = files.Write("ingress.yaml", RepoFiles.Read("examples/ingress.yaml").Replace("  ingressClassName: alb\n", "", StringComparison.Ordinal));
        string[] args = ["validate", "-f", RepoFiles.PathOf("examples/rollout.yaml"), "--ingress", ingress];

        var (rejected, _, error) = CliRun.Invoke(ValidateCommand.Create, args);
        var (accepted, output, _) = CliRun.Invoke(ValidateCommand.Create, [.. args, "--alb-ingress-class", ""]);

        Assert.Equal(2, rejected);
        Assert.StartsWith("ingress/web.spec.ingressClassName: the Ingress has no class", error, StringComparison.Ordinal);
        Assert.Equal(0, accepted);
        Assert.Equal("valid", output.Trim());
    }

    [Fact]
    public void Validate_Stdin_ReadsTheRollout()
    {
        var (exit, output, _) = CliRun.Invoke(ValidateCommand.Create, ["validate", "-f", "-"], RepoFiles.Read("examples/rollout.yaml"));

        Assert.Equal(0, exit);
        Assert.Equal("valid", output.Trim());
    }

    [Fact]
    public void Validate_SeveralProblems_OneLineEach()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml")
            .Replace("replicas: 4", "replicas: three", StringComparison.Ordinal)
            .Replace("setWeight: 50", "setWeight: 150", StringComparison.Ordinal)
            .Replace("servicePort: 80", "servicePort: 0", StringComparison.Ordinal);

        var (exit, output, error) = CliRun.Invoke(ValidateCommand.Create, ["validate", "-f", "-"], yaml);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(
            ["spec.replicas: expected an integer, got \"three\"",
             "spec.strategy.canary.trafficRouting.alb.servicePort: required: the port (1-65535) the canary and stable Services listen on",
             "spec.strategy.canary.steps[2].setWeight: must be between 0 and 100, got 150"],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Validate_GuidePingPongExample_AsksOnlyForRootService()
    {
        var (exit, _, error) = CliRun.Invoke(ValidateCommand.Create, ["validate", "-f", "-"], GuideExamples.PingPong);

        Assert.Equal(2, exit);
        Assert.StartsWith("spec.strategy.canary.trafficRouting.alb.rootService: required", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRolloutInFile_SaysSo()
    {
        var (exit, _, error) = CliRun.Invoke(ValidateCommand.Create, ["validate", "-f", RepoFiles.PathOf("examples/services.yaml")]);

        Assert.Equal(2, exit);
        Assert.Contains("-f: no Rollout document in", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_NamesTheOption()
    {
        var (exit, _, error) = CliRun.Invoke(ValidateCommand.Create, ["validate", "-f", "/no/such/rollout.yaml"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("-f: cannot read /no/such/rollout.yaml", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Cases), MemberType = typeof(BadInputs))]
    public void Validate_BadInput_ExitsTwoNamingTheField(string file, string find, string replace, string expectedLine)
    {
        var (rollout, extra) = BadInputs.Files(files, file, find, replace);
        string[] args = ["validate", "-f", rollout, .. extra.SelectMany(e => new[] { "--ingress", e })];

        var (exit, output, error) = CliRun.Invoke(ValidateCommand.Create, args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(expectedLine, StringComparison.Ordinal));
    }

    public void Dispose() => files.Dispose();
}
