namespace RolloutWorkflows.Workflows.Tests.Contracts;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Planning;

public class RolloutRevisionMapperTests
{
    private const string Manifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
          strategy:
            canary:
              pingPong:
                pingService: web-ping
                pongService: web-pong
              trafficRouting:
                alb:
                  ingresses: [public, internal]
                  rootService: web-root
                  servicePort: 80
                  stickinessConfig: {enabled: true, durationSeconds: 3600}
              steps:
              - setWeight: 20
              - pause: {duration: 5m}
              - pause: {}
              - setCanaryScale: {replicas: 2}
        """;

    private const string BlueGreenManifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
          strategy:
            blueGreen:
              activeService: web-active
              previewService: web-preview
        """;

    private static Rollout Parse(string manifest = Manifest)
    {
        var document = RolloutManifestParser.ParseDocuments(manifest, "test.yaml").Documents.Single();
        return RolloutManifestParser.ParseRollout(document.Object).Rollout;
    }

    [Fact]
    public void ToRevision_PingPongCanary_CarriesEverythingTheWorkflowNeeds()
    {
        var rollout = Parse();

        var revision = RolloutRevisionMapper.ToRevision(rollout, new RolloutSettings { VerifyTargetGroups = true });

        Assert.Equal("shop", revision.Spec.Namespace);
        Assert.Equal("web", revision.Spec.Name);
        Assert.Equal(rollout.ComputePodTemplateHash(), revision.PodTemplateHash);
        Assert.Equal("web", revision.Spec.SelectorMatchLabels["app"]);
        var canary = revision.Spec.Canary!;
        Assert.Equal(new PingPongServices("web-ping", "web-pong"), canary.PingPong);
        Assert.Equal(["public", "internal"], canary.Alb!.Ingresses);
        Assert.Equal("web-root", canary.ActionService);
        Assert.Equal(3600, canary.Alb.Stickiness!.DurationSeconds);
        Assert.Equal(["setWeight: 20", "pause: 5m", "pause: {}", "setCanaryScale: replicas 2"], canary.Steps.Select(s => s.ToString()));
        Assert.Equal(30, canary.ScaleDownDelaySeconds);
        Assert.Empty(RevisionChecks.Problems(revision, "shop", "web"));
        Assert.Contains("nginx:1.27", revision.PodTemplateJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("\n      abortScaleDownDelaySeconds: 0", 0)]
    [InlineData("\n      abortScaleDownDelaySeconds: 120", 120)]
    public void ToRevision_BlueGreen_CarriesAbortScaleDownDelayWithArgosDefault(string field, int expected)
    {
        var rollout = Parse(BlueGreenManifest + field);

        var revision = RolloutRevisionMapper.ToRevision(rollout, new RolloutSettings());

        Assert.Equal(expected, revision.Spec.BlueGreen!.AbortScaleDownDelaySeconds);
    }

    [Fact]
    public void Describe_Canary_IsTheStaticSummary()
    {
        Assert.Equal("rollout shop/web: canary 4 steps", RolloutRevisionMapper.ToSpec(Parse()).Describe());
    }
}
