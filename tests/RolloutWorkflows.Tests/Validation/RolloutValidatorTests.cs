namespace RolloutWorkflows.Tests.Validation;

using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

public class RolloutValidatorTests
{
    private static Rollout Example { get; } = Manifests.ExampleRollout();

    private static CanaryStrategy Canary { get; } = Example.Strategy.Canary!;

    private static AlbTrafficRouting Alb { get; } = Canary.GetAlb()!;

    [Theory]
    [InlineData("examples/rollout.yaml")]
    [InlineData("examples/pingpong.yaml")]
    [InlineData("examples/bluegreen.yaml")]
    public void Validate_Examples_HaveNoProblems(string file)
    {
        var rolloutDocument = RolloutManifestParser.ParseDocuments(RepoFiles.Read(file), file).Documents[0];

        Assert.Empty(RolloutValidator.ReadAndValidate(rolloutDocument.Object).Problems);
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsAllAtOnce()
    {
        var bad = WithCanary(Canary with
        {
            CanaryService = "web-stable",
            Steps = [new RolloutStep { SetWeight = 120 }, new RolloutStep { Pause = new PauseStep { Duration = "10 minutes" } }],
            TrafficRouting = new TrafficRouting { Alb = Alb with { ServicePort = 0 } },
        });

        var problems = RolloutValidator.Validate(bad);

        Assert.Equal(
            ["spec.strategy.canary.canaryService", "spec.strategy.canary.steps[0].setWeight", "spec.strategy.canary.steps[1].pause.duration", "spec.strategy.canary.trafficRouting.alb.servicePort"],
            Manifests.Paths(problems));
    }

    [Fact]
    public void Validate_BothIngressAndIngresses_IsRejected()
    {
        var problem = Assert.Single(RolloutValidator.Validate(WithAlb(Alb with { Ingresses = ["other"] })));

        Assert.Equal("spec.strategy.canary.trafficRouting.alb: ingress and ingresses are both set: set exactly one (ingresses for several)", problem.ToString());
    }

    [Fact]
    public void Validate_NeitherIngressNorIngresses_IsRejected()
    {
        var problem = Assert.Single(RolloutValidator.Validate(WithAlb(Alb with { Ingress = null })));

        Assert.Equal("spec.strategy.canary.trafficRouting.alb: set exactly one of ingress or ingresses: neither is set", problem.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_ServicePortOutOfRange_IsRejected(int port)
    {
        var problem = Assert.Single(RolloutValidator.Validate(WithAlb(Alb with { ServicePort = port })));

        Assert.Equal("spec.strategy.canary.trafficRouting.alb.servicePort", problem.Path);
    }

    [Theory]
    [InlineData(true, 0, false)]
    [InlineData(true, 604801, false)]
    [InlineData(true, 1, true)]
    [InlineData(true, 604800, true)]
    [InlineData(false, 0, true)]
    public void Validate_StickinessDuration_Is1To604800WhenEnabled(bool enabled, int seconds, bool valid)
    {
        var problems = RolloutValidator.Validate(WithAlb(Alb with { StickinessConfig = new StickinessConfig { Enabled = enabled, DurationSeconds = seconds } }));

        Assert.Equal(valid, problems.Count == 0);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validate_SetWeight_Is0To100(int weight, bool valid)
    {
        var problems = RolloutValidator.Validate(WithCanary(Canary with { Steps = [new RolloutStep { SetWeight = weight }] }));

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void Validate_StepWithTwoKinds_IsRejected()
    {
        var step = new RolloutStep { SetWeight = 10, Pause = new PauseStep() };

        var problem = Assert.Single(RolloutValidator.Validate(WithCanary(Canary with { Steps = [step] })));

        Assert.Equal("spec.strategy.canary.steps[0]", problem.Path);
    }

    [Fact]
    public void Validate_SetCanaryScaleWithTwoValues_IsRejected()
    {
        var step = new RolloutStep { SetCanaryScale = new SetCanaryScaleStep { Replicas = 1, Weight = 10 } };

        var problem = Assert.Single(RolloutValidator.Validate(WithCanary(Canary with { Steps = [step] })));

        Assert.Equal("spec.strategy.canary.steps[0].setCanaryScale", problem.Path);
    }

    [Fact]
    public void Validate_PingPongWithCanaryAndStable_RejectsTheAmbiguity()
    {
        var canary = Canary with
        {
            PingPong = new PingPongSpec { PingService = "ping", PongService = "pong" },
            TrafficRouting = new TrafficRouting { Alb = Alb with { RootService = "root" } },
        };

        Assert.Equal(["spec.strategy.canary.canaryService", "spec.strategy.canary.stableService"], Manifests.Paths(RolloutValidator.Validate(WithCanary(canary))));
    }

    [Fact]
    public void Validate_PingEqualsPong_IsRejected()
    {
        var canary = Canary with
        {
            CanaryService = null,
            StableService = null,
            PingPong = new PingPongSpec { PingService = "ping", PongService = "ping" },
            TrafficRouting = new TrafficRouting { Alb = Alb with { RootService = "root" } },
        };

        var problem = Assert.Single(RolloutValidator.Validate(WithCanary(canary)));

        Assert.Equal("spec.strategy.canary.pingPong.pongService: must differ from pingService", problem.ToString());
    }

    [Fact]
    public void Validate_DynamicStableScaleWithScaleDownDelay_IsRejected()
    {
        var problem = Assert.Single(RolloutValidator.Validate(WithCanary(Canary with { DynamicStableScale = true, ScaleDownDelaySeconds = 30 })));

        Assert.Equal("spec.strategy.canary.scaleDownDelaySeconds", problem.Path);
    }

    [Fact]
    public void Validate_CanaryWithoutTrafficRouting_AsksForAlb()
    {
        var problem = Assert.Single(RolloutValidator.Validate(WithCanary(Canary with { TrafficRouting = null })));

        Assert.Equal("spec.strategy.canary.trafficRouting", problem.Path);
        Assert.Contains("add trafficRouting.alb", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlueGreenWithoutActiveService_IsRejected()
    {
        var rollout = Example with { Strategy = new RolloutStrategy { BlueGreen = new BlueGreenStrategy { PreviewService = "preview" } } };

        var problem = Assert.Single(RolloutValidator.Validate(rollout));

        Assert.Equal("spec.strategy.blueGreen.activeService", problem.Path);
    }

    [Fact]
    public void Validate_BlueGreenNegativeAbortScaleDownDelay_NamesTheField()
    {
        var blueGreen = new BlueGreenStrategy { ActiveService = "active", AbortScaleDownDelaySeconds = -1 };
        var rollout = Example with { Strategy = new RolloutStrategy { BlueGreen = blueGreen } };

        var problem = Assert.Single(RolloutValidator.Validate(rollout));

        Assert.Equal("spec.strategy.blueGreen.abortScaleDownDelaySeconds", problem.Path);
    }

    [Fact]
    public void Validate_BothStrategies_IsRejected()
    {
        var rollout = Example with { Strategy = Example.Strategy with { BlueGreen = new BlueGreenStrategy { ActiveService = "active" } } };

        Assert.Equal("spec.strategy", Assert.Single(RolloutValidator.Validate(rollout)).Path);
    }

    [Fact]
    public void Validate_SelectorNotMatchingTemplate_IsRejected()
    {
        var rollout = Manifests.Rollout(RepoFiles.Read("examples/rollout.yaml"));
        var mismatched = rollout with { Selector = Manifests.Tree("matchLabels: {app: other}") };

        var problem = Assert.Single(RolloutValidator.Validate(mismatched));

        Assert.Equal("spec.template.metadata.labels: selector does not match template labels: add app: other", problem.ToString());
    }

    [Fact]
    public void ServiceChecks_MissingServiceAndWrongPort_AreReported()
    {
        var services = RolloutManifestParser.ParseDocuments(RepoFiles.Read("examples/services.yaml"), "services.yaml").Documents.Select(d => d.Object).ToList();
        services.RemoveAt(0);
        var rollout = WithAlb(Alb with { ServicePort = 8080 });

        var problems = ServiceChecks.Check(rollout, services);

        Assert.Equal(
            ["spec.strategy.canary.canaryService: Service \"web-canary\" not found among the given Service documents: add it or fix the name",
             "spec.strategy.canary.stableService: Service \"web-stable\" does not expose port 8080 (its ports: 80); set trafficRouting.alb.servicePort to one of them"],
            problems.Select(p => p.ToString()));
    }

    private static Rollout WithCanary(CanaryStrategy canary) => Example with { Strategy = new RolloutStrategy { Canary = canary } };

    private static Rollout WithAlb(AlbTrafficRouting alb) => WithCanary(Canary with { TrafficRouting = new TrafficRouting { Alb = alb } });
}
