namespace RolloutWorkflows.Tests.Cli;

using RolloutWorkflows.Tests.Support;

/// <summary>
/// Distinct bad inputs for <c>rollouts validate</c>: one edit of an example file each, and a line of
/// the expected output that names the field (and the expected message).
/// </summary>
public static class BadInputs
{
    public static TheoryData<string, string, string, string> Cases { get; } = new()
    {
        // file, find, replace, expected stderr line (or part of it)
        { "rollout", "replicas: 4", "replicas: [4", "rollout.yaml: line 9, column 13: malformed YAML" },
        { "rollout", "replicas: 4", "replicas: three", "spec.replicas: expected an integer, got \"three\"" },
        { "rollout", "replicas: 4", "replicas: -1", "spec.replicas: must be 0 or more, got -1" },
        { "rollout", "servicePort: 80", "servicePort: eighty", "trafficRouting.alb.servicePort: expected an integer, got \"eighty\"" },
        { "rollout", "servicePort: 80", "servicePort: 0", "trafficRouting.alb.servicePort: required" },
        { "rollout", "servicePort: 80", "servicePort: 70000", "trafficRouting.alb.servicePort: must be between 1 and 65535" },
        { "rollout", "setWeight: 20", "setWeight: 150", "steps[0].setWeight: must be between 0 and 100, got 150" },
        { "rollout", "setWeight: 20", "setWeight: -5", "steps[0].setWeight: must be between 0 and 100, got -5" },
        { "rollout", "setWeight: 20", "setWeight: 20%", "steps[0].setWeight: expected an integer, got \"20%\"" },
        { "rollout", "- pause: {duration: 10s}\n      - setWeight: 50", "- pause: {duration: 10 sec}\n      - setWeight: 50", "steps[1].pause.duration: \"10 sec\" is not a duration" },
        { "rollout", "      canaryService: web-canary\n", "", "spec.strategy.canary.canaryService: required" },
        { "rollout", "canaryService: web-canary", "canaryService: web-stable", "spec.strategy.canary.canaryService: must differ from stableService" },
        { "rollout", "ingress: web", "ingress: web\n          ingresses: [web]", "spec.strategy.canary.trafficRouting.alb: ingress and ingresses are both set" },
        { "rollout", "          ingress: web\n", "", "spec.strategy.canary.trafficRouting.alb: set exactly one of ingress or ingresses" },
        { "rollout", "servicePort: 80", "servicePort: 80\n          stickinessConfig: {enabled: true, durationSeconds: 0}", "stickinessConfig.durationSeconds: must be between 1 and 604800" },
        { "rollout", "servicePort: 80", "servicePort: 80\n          stickinessConfig: {enabled: true, durationSeconds: 700000}", "stickinessConfig.durationSeconds: must be between 1 and 604800" },
        { "rollout", "servicePort: 80", "servicePort: 80\n          stickinessConfig: {enabled: sure, durationSeconds: 60}", "stickinessConfig.enabled: expected true or false, got \"sure\"" },
        { "rollout", "- setWeight: 20", "- analysis: {templates: [{templateName: success-rate}]}", "spec.strategy.canary.steps[0].analysis: not supported yet" },
        { "rollout", "- setWeight: 20", "- setHeaderRoute: {name: canary-header}", "spec.strategy.canary.steps[0].setHeaderRoute: not supported yet" },
        { "rollout", "        alb:", "        nginx: {stableIngress: web}\n        alb:", "spec.strategy.canary.trafficRouting.nginx: not supported yet" },
        { "rollout", "servicePort: 80", "servicePort: 80\n          sevicePort: 81", "trafficRouting.alb.sevicePort: unknown field" },
        { "rollout", "  name: web\n", "", "metadata.name: required" },
        { "rollout", "  name: web\n", "  name: Web_App\n", "metadata.name: \"Web_App\" is not a valid name" },
        { "rollout", "apiVersion: argoproj.io/v1alpha1", "apiVersion: argoproj.io/v1", "apiVersion: expected argoproj.io/v1alpha1, got \"argoproj.io/v1\"" },
        { "rollout", "    matchLabels:\n      app: web", "    matchLabels:\n      app: webapp", "spec.template.metadata.labels: selector does not match template labels" },
        { "rollout", "        image: nginx:1.27\n", "", "spec.template.spec.containers[0].image: required" },
        { "rollout", "- setWeight: 20", "- setCanaryScale: {replicas: 1, weight: 20}", "steps[0].setCanaryScale: set exactly one of replicas, weight or matchTrafficWeight" },
        { "rollout", "      steps:", "      dynamicStableScale: true\n      steps:", "spec.strategy.canary.scaleDownDelaySeconds: cannot be used with dynamicStableScale" },
        { "rollout", "  strategy:\n    canary:", "  strategy: {}\n  unused:\n    canary:", "spec.strategy: required" },
        { "pingpong", "          rootService: web-root\n", "", "spec.strategy.canary.trafficRouting.alb.rootService: required" },
        { "pingpong", "pongService: web-pong", "pongService: web-ping", "spec.strategy.canary.pingPong.pongService: must differ from pingService" },
        { "bluegreen", "      activeService: web-active\n", "", "spec.strategy.blueGreen.activeService: required" },
        { "bluegreen", "      autoPromotionEnabled: false", "      autoPromotionEnabled: false\n      autoPromotionSeconds: 30", "spec.strategy.blueGreen.autoPromotionSeconds: has no effect" },
        { "ingress", "ingressClassName: alb", "ingressClassName: nginx", "ingress/web.spec.ingressClassName: class \"nginx\" is not an ALB ingress class" },
        { "ingress", "name: use-annotation", "number: 80", "ingress/web.spec.rules[0].http.paths[0].backend.service.port: must be the port name use-annotation" },
        { "ingress", "name: web-stable", "name: web-canary", "ingress/web.spec.rules: no rule path has backend Service \"web-stable\"" },
        { "ingress", "target-type: ip", "target-type: ip\n    rollouts.argoproj.io/managed-alb-annotations: '{\"api\":[\"alb.ingress.kubernetes.io/actions.web-stable\"]}'", "ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]: action alb.ingress.kubernetes.io/actions.web-stable is already managed by rollout \"api\"" },
        { "ingress", "target-type: ip", "target-type: ip\n    rollouts.argoproj.io/managed-alb-annotations: '{\"web\":'", "ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-annotations]: corrupt JSON" },
        { "ingress", "target-type: ip", "target-type: ip\n    rollouts.argoproj.io/managed-alb-actions: web", "ingress/web.metadata.annotations[rollouts.argoproj.io/managed-alb-actions]: incorrectly formatted managed actions annotation" },
        { "ingress", "  name: web\n", "  name: web-public\n", "spec.strategy.canary.trafficRouting.alb.ingress: Ingress \"web\" not found" },
        { "services", "  name: web-canary\n", "  name: web-canary-svc\n", "spec.strategy.canary.canaryService: Service \"web-canary\" not found" },
        { "services", "    port: 80", "    port: 8080", "spec.strategy.canary.canaryService: Service \"web-canary\" does not expose port 80" },
    };

    /// <summary>Writes the edited file; returns the -f path and the --ingress paths.</summary>
    public static (string Rollout, string[] Extra) Files(CliRun files, string file, string find, string replace)
    {
        var source = RepoFiles.Read($"examples/{file}.yaml");
        Assert.Contains(find, source, StringComparison.Ordinal);
        var edited = files.Write($"{file}.yaml", ReplaceFirst(source, find, replace));
        return file switch
        {
            "ingress" => (RepoFiles.PathOf("examples/rollout.yaml"), [edited]),
            "services" => (RepoFiles.PathOf("examples/rollout.yaml"), [edited]),
            "rollout" => (edited, [RepoFiles.PathOf("examples/ingress.yaml")]),
            _ => (edited, []),
        };
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
