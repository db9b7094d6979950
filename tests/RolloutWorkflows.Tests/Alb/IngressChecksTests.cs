namespace RolloutWorkflows.Tests.Alb;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Workflows.Model;

public class IngressChecksTests
{
    private static IReadOnlyList<string> Alb { get; } = IngressChecks.DefaultAlbClasses;

    [Fact]
    public void Check_ExampleIngress_HasNoProblems()
    {
        Assert.Empty(IngressChecks.Check(Manifests.ExampleRollout(), [ExampleIngress()], Alb));
    }

    [Fact]
    public void Check_GuideV1Beta1Ingress_AcceptsTheGuideRollout()
    {
        var rollout = Manifests.ReadAndValidate(GuideExamples.CanaryWithAlb).Rollout;

        Assert.Empty(IngressChecks.Check(rollout, [AlbIngress.FromJson(Manifests.Tree(GuideExamples.IngressV1Beta1))], Alb));
    }

    [Fact]
    public void Check_ExtensionsV1Beta1NumericPort_AsksForUseAnnotation()
    {
        var yaml = GuideExamples.IngressV1Beta1
            .Replace("networking.k8s.io/v1beta1", "extensions/v1beta1", StringComparison.Ordinal)
            .Replace("servicePort: use-annotation", "servicePort: 80", StringComparison.Ordinal);
        var rollout = Manifests.ReadAndValidate(GuideExamples.CanaryWithAlb).Rollout;

        var problem = Assert.Single(IngressChecks.Check(rollout, [AlbIngress.FromJson(Manifests.Tree(yaml))], Alb));

        Assert.Equal("ingress/ingress.spec.rules[0].http.paths[0].backend.servicePort", problem.Path);
        Assert.StartsWith("must be the port name use-annotation (got 80)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_V1PortNumber_AsksForUseAnnotation()
    {
        var ingress = ExampleIngress("port:\n              name: use-annotation", "port:\n              number: 80");

        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb));

        Assert.Equal("ingress/web.spec.rules[0].http.paths[0].backend.service.port", problem.Path);
        Assert.Contains("alb.ingress.kubernetes.io/actions.web-stable", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoRuleForActionService_NamesServiceAndFix()
    {
        var ingress = ExampleIngress("name: web-stable", "name: web-canary");

        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb));

        Assert.Equal("ingress/web.spec.rules", problem.Path);
        Assert.Contains("add a path with backend service web-stable and port name use-annotation", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WrongClass_NamesTheFlag()
    {
        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ExampleIngress("ingressClassName: alb", "ingressClassName: nginx")], Alb));

        Assert.Equal("ingress/web.spec.ingressClassName", problem.Path);
        Assert.Contains("--alb-ingress-class nginx", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ClassAnnotation_WinsOverIngressClassName()
    {
        var albAnnotation = ExampleIngress("ingressClassName: alb", "ingressClassName: nginx", "target-type: ip", "target-type: ip\n    kubernetes.io/ingress.class: alb");
        var nginxAnnotation = ExampleIngress("target-type: ip", "target-type: ip\n    kubernetes.io/ingress.class: nginx");

        Assert.Empty(IngressChecks.Check(Manifests.ExampleRollout(), [albAnnotation], Alb));
        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [nginxAnnotation], Alb));
        Assert.Equal("ingress/web.metadata.annotations[kubernetes.io/ingress.class]", problem.Path);
    }

    [Fact]
    public void Check_NoClass_NeedsTheEmptyClassConfigured()
    {
        var ingress = ExampleIngress("  ingressClassName: alb\n", "");

        Assert.Equal("ingress/web.spec.ingressClassName", Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb)).Path);
        Assert.Empty(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], ["alb", ""]));
    }

    [Fact]
    public void Check_CustomClassConfigured_IsAccepted()
    {
        var ingress = ExampleIngress("ingressClassName: alb", "ingressClassName: internal-alb");

        Assert.Empty(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], ["internal-alb"]));
    }

    [Fact]
    public void Check_MissingIngressOfAList_NamesItsIndex()
    {
        var rollout = Manifests.ExampleRollout();
        var canary = rollout.Strategy.Canary!;
        rollout = rollout with { Strategy = new RolloutStrategy { Canary = canary with { TrafficRouting = new TrafficRouting { Alb = canary.GetAlb()! with { Ingress = null, Ingresses = ["web", "internal"] } } } } };

        var problem = Assert.Single(IngressChecks.Check(rollout, [ExampleIngress()], Alb));

        Assert.Equal("spec.strategy.canary.trafficRouting.alb.ingresses[1]", problem.Path);
        Assert.Contains("Ingress \"internal\" not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ActionManagedByAnotherRollout_IsAConflict()
    {
        var ingress = ExampleIngress("target-type: ip", "target-type: ip\n    rollouts.argoproj.io/managed-alb-annotations: '{\"api\":[\"alb.ingress.kubernetes.io/actions.web-stable\"]}'");

        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb));

        Assert.Equal("ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]", problem.Path);
        Assert.Contains("already managed by rollout \"api\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CorruptBookkeeping_IsReported()
    {
        var ingress = ExampleIngress("target-type: ip", "target-type: ip\n    rollouts.argoproj.io/managed-alb-annotations: '{web'");

        var problem = Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb));

        Assert.Contains("corrupt JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OtherNamespace_IsReported()
    {
        var ingress = ExampleIngress("namespace: default", "namespace: prod");

        Assert.Equal("ingress/web.metadata.namespace", Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb)).Path);
    }

    [Fact]
    public void Check_UnknownIngressApiVersion_IsReported()
    {
        var ingress = ExampleIngress("apiVersion: networking.k8s.io/v1", "apiVersion: networking.k8s.io/v2");

        Assert.Equal("ingress/web.apiVersion", Assert.Single(IngressChecks.Check(Manifests.ExampleRollout(), [ingress], Alb)).Path);
    }

    [Fact]
    public void CheckIngress_SingleIngress_ReportsItsProblems()
    {
        var ingress = ExampleIngress("ingressClassName: alb", "ingressClassName: nginx", "name: use-annotation", "number: 80");

        var problems = IngressChecks.CheckIngress(Manifests.ExampleRollout(), ingress, Alb);

        Assert.Equal(["ingress/web.spec.ingressClassName", "ingress/web.spec.rules[0].http.paths[0].backend.service.port"], Manifests.Paths(problems));
    }

    [Fact]
    public void Check_BlueGreen_NeedsNoIngress()
    {
        var rollout = Manifests.Rollout(RepoFiles.Read("examples/bluegreen.yaml").Split("---")[0]);

        Assert.Empty(IngressChecks.Check(rollout, [], Alb));
    }

    private static AlbIngress ExampleIngress(params string[] replacements)
    {
        var yaml = RepoFiles.Read("examples/ingress.yaml");
        for (var i = 0; i + 1 < replacements.Length; i += 2)
        {
            Assert.Contains(replacements[i], yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(replacements[i], replacements[i + 1], StringComparison.Ordinal);
        }

        return AlbIngress.FromJson(Manifests.Tree(yaml));
    }
}
