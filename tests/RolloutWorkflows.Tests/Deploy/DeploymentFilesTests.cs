namespace RolloutWorkflows.Tests.Deploy;

using System.Text.Json;
using YamlDotNet.RepresentationModel;

public class DeploymentFilesTests
{
    private static readonly string[] ElbReadActions =
    [
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetHealth",
    ];

    [Fact]
    public void DockerCompose_Parses_AndRunsTemporalUiAndWorker()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read("docker-compose.yml")));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        var names = services.Children.Keys.Select(k => k.ToString()).ToList();

        Assert.Contains("temporal", names);
        Assert.Contains("temporal-ui", names);
        Assert.Contains("worker", names);
        var ui = (YamlMappingNode)services.Children[new YamlScalarNode("temporal-ui")];
        Assert.Contains("8080:8080", ((YamlSequenceNode)ui.Children[new YamlScalarNode("ports")]).Children.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("RolloutNamespace", "Keyword")]
    [InlineData("RolloutName", "Keyword")]
    [InlineData("RolloutPhase", "Keyword")]
    [InlineData("RolloutRevision", "Int")]
    [InlineData("CanaryWeight", "Int")]
    public void DockerCompose_RegistersEverySearchAttribute(string name, string type)
    {
        Assert.Contains($"search-attribute create --name {name} --type {type}", Read("docker-compose.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_PublishesTheWorkerProjectThatExists()
    {
        var dockerfile = Read("Dockerfile");
        var line = dockerfile.Split('\n').Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        var project = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(t => t.EndsWith(".csproj", StringComparison.Ordinal));

        Assert.True(File.Exists(Path.Combine(Root, project)), $"Dockerfile publishes {project}, which does not exist");
        Assert.Contains("<AssemblyName>rollouts</AssemblyName>", File.ReadAllText(Path.Combine(Root, project)), StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"./rollouts\"]", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker-compose.yml", "    command: ")]
    [InlineData("deploy/deployment.yaml", "          args: ")]
    public void WorkerArguments_InDeploymentFiles_ParseAsTheWorkerCommand(string file, string prefix)
    {
        var line = Read(file.Split('/')).Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains("\"worker\"", StringComparison.Ordinal));
        var args = JsonSerializer.Deserialize<string[]>(line[prefix.Length..])!;

        var parse = RolloutWorkflows.Worker.Cli.RolloutsCli.Build().Parse(args);

        Assert.Equal("worker", parse.CommandResult.Command.Name);
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void IamPolicy_AllowsExactlyTheSixElbv2ReadActions()
    {
        using var policy = JsonDocument.Parse(Read("deploy", "iam-policy.json"));
        var actions = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ElbReadActions, actions);
    }

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RolloutWorkflows.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));
}
