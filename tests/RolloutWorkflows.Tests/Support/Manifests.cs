namespace RolloutWorkflows.Tests.Support;

using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>Small helpers to read manifests in tests.</summary>
public static class Manifests
{
    public static JsonObject Tree(string yaml) => (JsonObject)RolloutManifestParser.ParseTrees(yaml)[0]!;

    public static RolloutReadResult ReadAndValidate(string yaml) => RolloutValidator.ReadAndValidate(Tree(yaml));

    public static Rollout Rollout(string yaml)
    {
        var result = ReadAndValidate(yaml);
        Assert.Empty(result.Problems);
        return result.Rollout;
    }

    public static Rollout ExampleRollout() => Rollout(RepoFiles.Read("examples/rollout.yaml"));

    /// <summary>The problem paths, sorted, for exact comparisons.</summary>
    public static string[] Paths(IEnumerable<ValidationProblem> problems) => problems.Select(p => p.Path).Order(StringComparer.Ordinal).ToArray();
}
