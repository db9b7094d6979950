namespace RolloutWorkflows.Sandbox.Aws.Tests.Lbc;

using k8s.Models;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;

public sealed class AlbModelBuilderTests
{
    private static readonly Elbv2Arns Arns = new("us-west-2", "123456789012");
    private static readonly LbcSimulatorOptions Options = new() { ClusterName = "prod" };

    private static readonly V1Service[] Services =
        [GuideObjects.Service("root-service", "s1"), GuideObjects.Service("stable-service", "s1"), GuideObjects.Service("canary-service", "c1")];

    [Fact]
    public void Build_GuideAnnotation_RuleForwardsTenToCanaryAndNinetyToStable()
    {
        var alb = Assert.Single(Build([GuideObjects.Ingress(GuideObjects.Action(10, 90))]));

        var rule = Assert.Single(alb.Rules);
        Assert.Equal(1, rule.Priority);
        var forward = Assert.Single(rule.Actions).Forward!;
        var byService = alb.TargetGroups.ToDictionary(t => t.TargetGroup.Arn, t => t.ServiceName);
        Assert.Equal([("canary-service", 10), ("stable-service", 90)], forward.TargetGroups.Select(t => (byService[t.TargetGroupArn], t.Weight)));
        Assert.Equal(["/*"], Assert.Single(rule.Conditions).Values);
    }

    [Fact]
    public void Build_TargetGroups_TaggedExactlyAsTheLbc()
    {
        var alb = Assert.Single(Build([GuideObjects.Ingress(GuideObjects.Action(10, 90))]));

        var canary = alb.TargetGroups.Single(t => t.ServiceName == "canary-service");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["elbv2.k8s.aws/cluster"] = "prod",
                ["ingress.k8s.aws/stack"] = "default/ingress",
                ["ingress.k8s.aws/resource"] = "default/ingress-canary-service:80",
            },
            canary.Tags);
        Assert.Matches("^k8s-default-canaryse-[0-9a-f]{10}$", canary.TargetGroup.Name);
        Assert.Equal(8080, canary.TargetGroup.Port);
    }

    [Fact]
    public void Build_LoadBalancer_NamedAndAddressedLikeTheLbc()
    {
        var alb = Assert.Single(Build([GuideObjects.Ingress(GuideObjects.Action(10, 90))]));

        Assert.Matches("^k8s-default-ingress-[0-9a-f]{10}$", alb.LoadBalancer.Name);
        Assert.Matches(@"^k8s-default-ingress-[0-9a-f]{10}-\d{10}\.us-west-2\.elb\.amazonaws\.com$", alb.LoadBalancer.DnsName);
        Assert.Equal(404, Assert.Single(alb.Listener.DefaultActions).FixedResponse!.StatusCode);
        Assert.Equal(80, alb.Listener.Port);
    }

    [Fact]
    public void Build_CamelCaseKeysAndNumericPort_SameWeightsAsPascalCase()
    {
        const string camel = """{"type":"forward","forwardConfig":{"targetGroups":[{"serviceName":"canary-service","servicePort":80,"weight":25},{"serviceName":"stable-service","servicePort":"80","weight":75}]}}""";

        var camelAlb = Assert.Single(Build([GuideObjects.Ingress(camel)]));
        var pascalAlb = Assert.Single(Build([GuideObjects.Ingress(GuideObjects.Action(25, 75))]));

        Assert.Equal(pascalAlb.Rules[0].Actions[0].Forward!.TargetGroups, camelAlb.Rules[0].Actions[0].Forward!.TargetGroups);
    }

    [Fact]
    public void Build_StickinessInAction_CopiedToForwardConfig()
    {
        const string sticky = """{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"stable-service","ServicePort":"80","Weight":100}],"TargetGroupStickinessConfig":{"Enabled":true,"DurationSeconds":3600}}}""";

        var forward = Assert.Single(Build([GuideObjects.Ingress(sticky)])).Rules[0].Actions[0].Forward!;

        Assert.True(forward.StickinessEnabled);
        Assert.Equal(3600, forward.StickinessDurationSeconds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{not json")]
    [InlineData("""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"canary-service","ServicePort":"80"},{"ServiceName":"stable-service","ServicePort":"80","Weight":90}]}}""")]
    [InlineData("""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"canary-service","ServicePort":"80","Weight":1000}]}}""")]
    [InlineData("""{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"missing-service","ServicePort":"80","Weight":100}]}}""")]
    public void Build_MissingOrInvalidAction_Fixed503(string? action)
    {
        var alb = Assert.Single(Build([GuideObjects.Ingress(action)]));

        var only = Assert.Single(alb.Rules[0].Actions);
        Assert.Equal("fixed-response", only.Type);
        Assert.Equal(503, only.FixedResponse!.StatusCode);
        Assert.NotEmpty(alb.Problems);
    }

    [Fact]
    public void Build_ClassAnnotationOtherThanAlb_WinsOverIngressClassName()
    {
        var ingress = GuideObjects.Ingress(GuideObjects.Action(10, 90), className: "alb");
        ingress.Metadata.Annotations["kubernetes.io/ingress.class"] = "nginx";

        Assert.Empty(Build([ingress]));
    }

    [Fact]
    public void Build_IngressClassNameOnly_ServedWhenClassMatches()
    {
        var ingress = GuideObjects.Ingress(GuideObjects.Action(10, 90), className: "alb", classAnnotation: false);

        Assert.Single(Build([ingress]));
    }

    [Fact]
    public void Build_IngressWithoutClass_ServedOnlyWhenEmptyClassConfigured()
    {
        var ingress = GuideObjects.Ingress(GuideObjects.Action(10, 90), classAnnotation: false);
        var snapshot = new LbcSnapshot([ingress], Services, []);

        Assert.Empty(AlbModelBuilder.Build(snapshot, Options, Arns));
        Assert.Single(AlbModelBuilder.Build(snapshot, new LbcSimulatorOptions { IngressClasses = [""] }, Arns));
    }

    [Fact]
    public void Build_EndpointSlices_OnlyReadyEndpointsBecomeTargets()
    {
        var slices = new[] { GuideObjects.Slice("canary-service", ("10.0.0.1", true), ("10.0.0.2", false)), GuideObjects.Slice("stable-service", ("10.0.1.1", true)) };

        var alb = Assert.Single(AlbModelBuilder.Build(new LbcSnapshot([GuideObjects.Ingress(GuideObjects.Action(10, 90))], Services, slices), Options, Arns));

        Assert.Equal([new Elbv2TargetId("10.0.0.1", 8080)], alb.TargetGroups.Single(t => t.ServiceName == "canary-service").Targets);
        Assert.Equal([new Elbv2TargetId("10.0.1.1", 8080)], alb.TargetGroups.Single(t => t.ServiceName == "stable-service").Targets);
    }

    [Fact]
    public void Build_SeveralPaths_ExactFirstThenLongestPrefixWithPriorities1ToN()
    {
        var ingress = GuideObjects.Ingress(GuideObjects.Action(10, 90));
        var backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "stable-service", Port = new V1ServiceBackendPort { Number = 80 } } };
        ingress.Spec.Rules[0].Http.Paths =
        [
            new V1HTTPIngressPath { Path = "/a", PathType = "Prefix", Backend = backend },
            new V1HTTPIngressPath { Path = "/api/v1", PathType = "Prefix", Backend = backend },
            new V1HTTPIngressPath { Path = "/exact", PathType = "Exact", Backend = backend },
        ];

        var alb = Assert.Single(Build([ingress]));

        Assert.Equal([1, 2, 3], alb.Rules.Select(r => r.Priority));
        Assert.Equal(["/exact", "/api/v1,/api/v1/*", "/a,/a/*"], alb.Rules.Select(r => string.Join(',', r.Conditions.Single().Values)));
        Assert.Single(alb.TargetGroups);
    }

    private static IReadOnlyList<DesiredAlb> Build(V1Ingress[] ingresses) =>
        AlbModelBuilder.Build(new LbcSnapshot(ingresses, Services, []), Options, Arns);
}
