namespace RolloutWorkflows.Tests.Cli;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Worker.Cli;

public sealed class PlanCommandTests : IDisposable
{
    private readonly CliRun files = new();

    [Fact]
    public void Plan_Json_HasStartAndEveryStepWithWeights()
    {
        var plan = Json("-f", RepoFiles.PathOf("examples/rollout.yaml"), "--ingress", RepoFiles.PathOf("examples/ingress.yaml"));

        Assert.Equal([null, 0, 1, 2, 3], plan.Select(e => e!["step"]?.GetValue<int>()));
        Assert.Equal([0, 20, 20, 50, 50], plan.Select(e => e!["weight"]!.GetValue<int>()));
        var web = plan[1]!["ingresses"]!["web"]!;
        Assert.Equal(
            AlbActionRenderer.Render(new AlbActionInput("web-canary", "web-stable", 80, 20)),
            web["alb.ingress.kubernetes.io/actions.web-stable"]!.GetValue<string>());
        Assert.Equal("""{"web":["alb.ingress.kubernetes.io/actions.web-stable"]}""", web[ManagedAnnotations.Key]!.GetValue<string>());
        Assert.Equal("internet-facing", web["alb.ingress.kubernetes.io/scheme"]!.GetValue<string>());
    }

    [Fact]
    public void Plan_IngressWithAnotherRollout_KeepsItsAnnotationsMerged()
    {
        var other = AlbActionRenderer.Render(new AlbActionInput("api-canary", "api-stable", 80, 0));
        var ingress = RepoFiles.Read("examples/ingress.yaml").Replace(
            "target-type: ip",
            $"target-type: ip\n    alb.ingress.kubernetes.io/actions.api-stable: '{other}'\n    rollouts.argoproj.io/managed-alb-annotations: '{{\"api\":[\"alb.ingress.kubernetes.io/actions.api-stable\"]}}'",
            StringComparison.Ordinal);

        var plan = Json("-f", RepoFiles.PathOf("examples/rollout.yaml"), "--ingress", files.Write("ingress.yaml", ingress));

        var last = plan[^1]!["ingresses"]!["web"]!;
        Assert.Equal(other, last["alb.ingress.kubernetes.io/actions.api-stable"]!.GetValue<string>());
        Assert.Equal(
            """{"api":["alb.ingress.kubernetes.io/actions.api-stable"],"web":["alb.ingress.kubernetes.io/actions.web-stable"]}""",
            last[ManagedAnnotations.Key]!.GetValue<string>());
    }

    [Fact]
    public void Plan_MultipleIngresses_EachGetsTheAction()
    {
        var rollout = RepoFiles.Read("examples/rollout.yaml").Replace("ingress: web", "ingresses: [web, web-internal]", StringComparison.Ordinal);
        var internalIngress = RepoFiles.Read("examples/ingress.yaml").Replace("  name: web\n", "  name: web-internal\n", StringComparison.Ordinal);

        var plan = Json("-f", files.Write("rollout.yaml", rollout), "--ingress", RepoFiles.PathOf("examples/ingress.yaml"), "--ingress", files.Write("internal.yaml", internalIngress));

        Assert.Equal(["web", "web-internal"], plan[2]!["ingresses"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            plan[2]!["ingresses"]!["web"]!["alb.ingress.kubernetes.io/actions.web-stable"]!.GetValue<string>(),
            plan[2]!["ingresses"]!["web-internal"]!["alb.ingress.kubernetes.io/actions.web-stable"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ping", "web-pong")]
    [InlineData("pong", "web-ping")]
    public void Plan_StablePingPong_ChoosesTheCanarySide(string stable, string canary)
    {
        var plan = Json("-f", RepoFiles.PathOf("examples/pingpong.yaml"), "--stable-ping-pong", stable);

        var action = JsonNode.Parse(plan[1]!["ingresses"]!["web-pp"]!["alb.ingress.kubernetes.io/actions.web-root"]!.GetValue<string>())!;
        Assert.Equal(canary, action["ForwardConfig"]!["TargetGroups"]![0]!["ServiceName"]!.GetValue<string>());
        Assert.Equal(25, action["ForwardConfig"]!["TargetGroups"]![0]!["Weight"]!.GetValue<int>());
    }

    [Fact]
    public void Plan_Text_ShowsEachStepAndAnnotation()
    {
        var (exit, output, _) = CliRun.Invoke(PlanCommand.Create, ["plan", "-f", RepoFiles.PathOf("examples/rollout.yaml"), "--ingress", RepoFiles.PathOf("examples/ingress.yaml")]);

        Assert.Equal(0, exit);
        Assert.Contains("start: canary weight 0\n  ingress web\n", output, StringComparison.Ordinal);
        Assert.Contains("after step 2 (setWeight: 50): canary weight 50", output, StringComparison.Ordinal);
        Assert.Contains("    alb.ingress.kubernetes.io/actions.web-stable: {\"Type\":\"forward\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_IngressNotGiven_BehavesLikeValidate()
    {
        var (exit, output, error) = CliRun.Invoke(PlanCommand.Create, ["plan", "-f", RepoFiles.PathOf("examples/rollout.yaml")]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("spec.strategy.canary.trafficRouting.alb.ingress: Ingress \"web\" not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InvalidRollout_ExitsTwo()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml").Replace("setWeight: 20", "setWeight: 200", StringComparison.Ordinal);

        var (exit, _, error) = CliRun.Invoke(PlanCommand.Create, ["plan", "-f", "-", "--ingress", RepoFiles.PathOf("examples/ingress.yaml")], yaml);

        Assert.Equal(2, exit);
        Assert.StartsWith("spec.strategy.canary.steps[0].setWeight: must be between 0 and 100", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BlueGreen_ExplainsThereIsNothingToPlan()
    {
        var (exit, _, error) = CliRun.Invoke(PlanCommand.Create, ["plan", "-f", RepoFiles.PathOf("examples/bluegreen.yaml")]);

        Assert.Equal(2, exit);
        Assert.StartsWith("spec.strategy.blueGreen: plan shows the ALB action annotations of canary rollouts", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RolloutsCli_Build_RegistersValidateAndPlan()
    {
        var names = RolloutsCli.Build().Subcommands.Select(c => c.Name).ToList();

        Assert.Contains("validate", names);
        Assert.Contains("plan", names);
    }

    public void Dispose() => files.Dispose();

    private static JsonArray Json(params string[] args)
    {
        var (exit, output, error) = CliRun.Invoke(PlanCommand.Create, ["plan", .. args, "--output", "json"]);
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        return JsonNode.Parse(output)!.AsArray();
    }
}
