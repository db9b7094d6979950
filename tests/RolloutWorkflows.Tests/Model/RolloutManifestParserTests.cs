namespace RolloutWorkflows.Tests.Model;

using System.Text.Json.Nodes;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;

public class RolloutManifestParserTests
{
    [Fact]
    public void ParseRollout_Example_ReadsEveryField()
    {
        var rollout = Manifests.ExampleRollout();

        Assert.Equal("web", rollout.Metadata.Name);
        Assert.Equal("default", rollout.GetNamespace());
        Assert.Equal(4, rollout.Replicas);
        Assert.Equal("web", rollout.GetSelectorMatchLabels()["app"]);
        Assert.Equal("nginx:1.27", rollout.Template!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        var canary = rollout.Strategy.Canary!;
        Assert.Equal("web-canary", canary.CanaryService);
        Assert.Equal("web-stable", canary.StableService);
        Assert.Equal("web", canary.GetAlb()!.Ingress);
        Assert.Equal(80, canary.GetAlb()!.ServicePort);
        Assert.Equal(["setWeight: 20", "pause: 10s", "setWeight: 50", "pause: 10s"], canary.Steps.Select(s => s.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(10), canary.Steps[1].Pause!.ToTimeSpan());
    }

    [Fact]
    public void ParseRollout_EveryCanaryField_IsKept()
    {
        var rollout = Manifests.Rollout("""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: app, namespace: team-a, labels: {tier: web}, annotations: {note: x}}
            spec:
              replicas: 10
              selector: {matchLabels: {app: app}}
              template: {metadata: {labels: {app: app}}, spec: {containers: [{name: app, image: app:1}]}}
              strategy:
                canary:
                  canaryService: c
                  stableService: s
                  scaleDownDelaySeconds: 60
                  abortScaleDownDelaySeconds: 0
                  trafficRouting:
                    alb:
                      ingresses: [a, b]
                      rootService: r
                      servicePort: 8080
                      annotationPrefix: custom.alb.ingress.kubernetes.io
                      stickinessConfig: {enabled: true, durationSeconds: 3600}
                  steps:
                  - setCanaryScale: {replicas: 2}
                  - setCanaryScale: {weight: 30}
                  - setCanaryScale: {matchTrafficWeight: true}
                  - setWeight: 0
                  - pause: {duration: 90}
                  - pause: {duration: 1h}
                  - pause: {}
            """);

        var canary = rollout.Strategy.Canary!;
        var alb = canary.GetAlb()!;
        Assert.Equal("team-a", rollout.GetNamespace());
        Assert.Equal("web", rollout.Metadata.Labels["tier"]);
        Assert.Equal(["a", "b"], alb.GetIngressNames());
        Assert.Equal("r", canary.GetActionService());
        Assert.Equal("custom.alb.ingress.kubernetes.io", alb.EffectiveAnnotationPrefix());
        Assert.Equal(new StickinessConfig { Enabled = true, DurationSeconds = 3600 }, alb.StickinessConfig);
        Assert.Equal(60, canary.EffectiveScaleDownDelaySeconds());
        Assert.Equal(0, canary.EffectiveAbortScaleDownDelaySeconds());
        Assert.Equal(2, canary.Steps[0].SetCanaryScale!.Replicas);
        Assert.Equal(30, canary.Steps[1].SetCanaryScale!.Weight);
        Assert.True(canary.Steps[2].SetCanaryScale!.MatchTrafficWeight);
        Assert.Equal(0, canary.Steps[3].SetWeight);
        Assert.Equal("90", canary.Steps[4].Pause!.Duration);
        Assert.Equal(TimeSpan.FromHours(1), canary.Steps[5].Pause!.ToTimeSpan());
        Assert.Null(canary.Steps[6].Pause!.ToTimeSpan());
    }

    [Fact]
    public void Helpers_Defaults_FollowArgo()
    {
        var canary = Manifests.ExampleRollout().Strategy.Canary!;

        Assert.Equal("web-stable", canary.GetActionService());
        Assert.Equal(["web"], canary.GetAlb()!.GetIngressNames());
        Assert.Equal("alb.ingress.kubernetes.io", canary.GetAlb()!.EffectiveAnnotationPrefix());
        Assert.Equal(10, canary.EffectiveScaleDownDelaySeconds());
        Assert.Equal(30, (canary with { ScaleDownDelaySeconds = null }).EffectiveScaleDownDelaySeconds());
        Assert.Equal(0, (canary with { ScaleDownDelaySeconds = null, DynamicStableScale = true }).EffectiveScaleDownDelaySeconds());
    }

    [Fact]
    public void ParseRollout_JsonAndYaml_GiveTheSameModel()
    {
        var yaml = Manifests.ExampleRollout();
        var json = Manifests.Tree(RepoFiles.Read("examples/rollout.yaml")).ToJsonString();
        var fromJson = Manifests.Rollout(json);

        Assert.Equal(yaml.ComputePodTemplateHash(), fromJson.ComputePodTemplateHash());
        Assert.Equal(yaml.Strategy.Canary!.Steps, fromJson.Strategy.Canary!.Steps);
        Assert.Equal(yaml.Strategy.Canary.TrafficRouting, fromJson.Strategy.Canary.TrafficRouting);
    }

    [Fact]
    public void ParseRollout_ReplicasAsWord_ReportsExpectedInteger()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml").Replace("replicas: 4", "replicas: three", StringComparison.Ordinal);

        var problem = Assert.Single(Manifests.ReadAndValidate(yaml).Problems);

        Assert.Equal("spec.replicas: expected an integer, got \"three\"", problem.ToString());
    }

    [Fact]
    public void ParseRollout_QuotedNumber_IsAStringAsInKubernetes()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml").Replace("servicePort: 80", "servicePort: \"80\"", StringComparison.Ordinal);

        var problem = Assert.Single(Manifests.ReadAndValidate(yaml).Problems);

        Assert.Equal("spec.strategy.canary.trafficRouting.alb.servicePort: expected an integer, got \"80\"", problem.ToString());
    }

    [Fact]
    public void ParseTrees_YesAndOn_AreBooleansAsInKubectl()
    {
        var tree = Manifests.Tree("a: yes\nb: off\nc: 'yes'\nd: ~\ne: 1.5\nf: 0x10");

        Assert.True(tree["a"]!.GetValue<bool>());
        Assert.False(tree["b"]!.GetValue<bool>());
        Assert.Equal("yes", tree["c"]!.GetValue<string>());
        Assert.Null(tree["d"]);
        Assert.Equal(1.5, tree["e"]!.GetValue<double>());
        Assert.Equal(16, tree["f"]!.GetValue<long>());
    }

    [Fact]
    public void ParseDocuments_MalformedYaml_ReportsLineAndColumn()
    {
        var result = RolloutManifestParser.ParseDocuments("kind: Rollout\nspec:\n  replicas: [1, 2\n", "bad.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("bad.yaml", problem.Path);
        Assert.Matches(@"^line \d+, column \d+: malformed YAML", problem.Message);
    }

    [Fact]
    public void ParseDocuments_DuplicateKey_ReportsIt()
    {
        var result = RolloutManifestParser.ParseDocuments("kind: Rollout\nkind: Service\n", "dup.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate key", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseDocuments_MalformedJson_ReportsLine()
    {
        var result = RolloutManifestParser.ParseDocuments("{\n  \"kind\": \"Rollout\",\n  \"spec\": {,}\n}", "bad.json");

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("line 3, column", problem.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDocuments_MultiDocumentFile_ReturnsEveryObject()
    {
        var result = RolloutManifestParser.ParseDocuments(RepoFiles.Read("examples/pingpong.yaml"), "pingpong.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(
            ["Rollout/web-pp", "Ingress/web-pp", "Service/web-ping", "Service/web-pong", "Service/web-root"],
            result.Documents.Select(d => d.Describe()));
        Assert.Equal("networking.k8s.io/v1", result.Documents[1].ApiVersion);
    }

    [Fact]
    public void ParseDocuments_KindList_ExpandsItems()
    {
        var json = """{"apiVersion":"v1","kind":"List","items":[{"kind":"Service","metadata":{"name":"a"}},{"kind":"Service","metadata":{"name":"b"}}]}""";

        var result = RolloutManifestParser.ParseDocuments(json, "list.json");

        Assert.Equal(["Service/a", "Service/b"], result.Documents.Select(d => d.Describe()));
    }

    [Fact]
    public void ParseDocuments_EmptyFile_IsAProblem()
    {
        var result = RolloutManifestParser.ParseDocuments("# nothing\n", "empty.yaml");

        Assert.Equal("empty.yaml: no documents found: the file is empty", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("      - setWeight: 20", "      - analysis: {templates: [{templateName: x}]}", "spec.strategy.canary.steps[0].analysis")]
    [InlineData("      - setWeight: 20", "      - experiment: {templates: []}", "spec.strategy.canary.steps[0].experiment")]
    [InlineData("      - setWeight: 20", "      - setHeaderRoute: {name: h}", "spec.strategy.canary.steps[0].setHeaderRoute")]
    [InlineData("      - setWeight: 20", "      - setMirrorRoute: {name: m}", "spec.strategy.canary.steps[0].setMirrorRoute")]
    [InlineData("        alb:", "        nginx: {stableIngress: web}\n        alb:", "spec.strategy.canary.trafficRouting.nginx")]
    [InlineData("        alb:", "        managedRoutes: [{name: h}]\n        alb:", "spec.strategy.canary.trafficRouting.managedRoutes")]
    [InlineData("        alb:", "        maxTrafficWeight: 1000\n        alb:", "spec.strategy.canary.trafficRouting.maxTrafficWeight")]
    [InlineData("      steps:", "      analysis: {templates: []}\n      steps:", "spec.strategy.canary.analysis")]
    [InlineData("      steps:", "      maxSurge: 25%\n      steps:", "spec.strategy.canary.maxSurge")]
    [InlineData("  replicas: 4", "  replicas: 4\n  revisionHistoryLimit: 2", "spec.revisionHistoryLimit")]
    public void ParseRollout_UnsupportedField_IsNamedNotIgnored(string find, string replace, string path)
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml").Replace(find, replace, StringComparison.Ordinal);

        var problem = Assert.Single(Manifests.ReadAndValidate(yaml).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains("not supported yet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRollout_UnknownField_IsReported()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml").Replace("servicePort: 80", "servicePort: 80\n          servicePorts: 81", StringComparison.Ordinal);

        var problem = Assert.Single(Manifests.ReadAndValidate(yaml).Problems);

        Assert.Equal("spec.strategy.canary.trafficRouting.alb.servicePorts", problem.Path);
        Assert.StartsWith("unknown field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRollout_StatusAndServerMetadata_AreAccepted()
    {
        var yaml = RepoFiles.Read("examples/rollout.yaml")
            .Replace("  namespace: default", "  namespace: default\n  uid: 123\n  resourceVersion: \"7\"", StringComparison.Ordinal)
            + "status:\n  phase: Healthy\n";

        Assert.Empty(Manifests.ReadAndValidate(yaml).Problems);
    }

    [Fact]
    public void ParseRollout_TemplateIsDetachedFromTheSourceTree()
    {
        var tree = Manifests.Tree(RepoFiles.Read("examples/rollout.yaml"));
        var rollout = RolloutManifestParser.ParseRollout(tree).Rollout;

        tree["spec"]!["template"]!["metadata"] = new JsonObject();

        Assert.NotNull(rollout.Template!["metadata"]!["labels"]);
    }
}
