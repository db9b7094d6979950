namespace RolloutWorkflows.Workflows.Validation;

using RolloutWorkflows.Workflows.Model;

/// <summary>Validation of <c>spec.strategy.canary</c> with ALB traffic routing.</summary>
internal static class CanaryValidator
{
    public static void Validate(ProblemList problems, CanaryStrategy canary, string path)
    {
        ValidateServices(problems, canary, path);
        var alb = canary.GetAlb();
        if (canary.TrafficRouting is null)
        {
            problems.Add($"{path}.trafficRouting", "required: rollouts shifts canary traffic through the AWS Load Balancer Controller; add trafficRouting.alb");
        }
        else if (alb is null)
        {
            problems.Add($"{path}.trafficRouting.alb", "required: the only traffic router supported is alb");
        }
        else
        {
            ValidateAlb(problems, alb, canary, $"{path}.trafficRouting.alb");
        }

        for (var i = 0; i < canary.Steps.Count; i++)
        {
            ValidateStep(problems, canary.Steps[i], $"{path}.steps[{i}]");
        }

        problems.NotNegative($"{path}.scaleDownDelaySeconds", canary.ScaleDownDelaySeconds);
        problems.NotNegative($"{path}.abortScaleDownDelaySeconds", canary.AbortScaleDownDelaySeconds);
        if (canary.DynamicStableScale && canary.ScaleDownDelaySeconds is not null)
        {
            problems.Add($"{path}.scaleDownDelaySeconds", "cannot be used with dynamicStableScale (the stable ReplicaSet is scaled down as traffic leaves it); remove one of them");
        }
    }

    private static void ValidateServices(ProblemList problems, CanaryStrategy canary, string path)
    {
        if (canary.PingPong is { } pingPong)
        {
            problems.ServiceName($"{path}.pingPong.pingService", pingPong.PingService, true, "pingPong needs both pingService and pongService");
            problems.ServiceName($"{path}.pingPong.pongService", pingPong.PongService, true, "pingPong needs both pingService and pongService");
            if (!string.IsNullOrEmpty(pingPong.PingService) && pingPong.PingService == pingPong.PongService)
            {
                problems.Add($"{path}.pingPong.pongService", "must differ from pingService");
            }

            foreach (var (field, value) in new[] { ("canaryService", canary.CanaryService), ("stableService", canary.StableService) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    problems.Add($"{path}.{field}", "cannot be used with pingPong: with ALB the ping and pong Services carry the traffic; remove it");
                }
            }

            return;
        }

        const string need = "ALB traffic routing needs both canaryService and stableService (or pingPong)";
        problems.ServiceName($"{path}.canaryService", canary.CanaryService, true, need);
        problems.ServiceName($"{path}.stableService", canary.StableService, true, need);
        if (!string.IsNullOrEmpty(canary.CanaryService) && canary.CanaryService == canary.StableService)
        {
            problems.Add($"{path}.canaryService", "must differ from stableService: each selects a different ReplicaSet");
        }
    }

    private static void ValidateAlb(ProblemList problems, AlbTrafficRouting alb, CanaryStrategy canary, string path)
    {
        var hasIngress = !string.IsNullOrEmpty(alb.Ingress);
        var hasIngresses = alb.Ingresses is not null;
        if (hasIngress == hasIngresses)
        {
            problems.Add(path, hasIngress
                ? "ingress and ingresses are both set: set exactly one (ingresses for several)"
                : "set exactly one of ingress or ingresses: neither is set");
        }

        if (hasIngress && !KubernetesNames.IsSubdomain(alb.Ingress!))
        {
            problems.Add($"{path}.ingress", $"\"{alb.Ingress}\" is not a valid Ingress name");
        }

        ValidateIngresses(problems, alb.Ingresses, $"{path}.ingresses");

        if (alb.ServicePort == 0)
        {
            problems.Add($"{path}.servicePort", "required: the port (1-65535) the canary and stable Services listen on");
        }
        else
        {
            problems.Range($"{path}.servicePort", alb.ServicePort, 1, 65535);
        }

        if (!string.IsNullOrEmpty(alb.AnnotationPrefix) && !KubernetesNames.IsSubdomain(alb.AnnotationPrefix))
        {
            problems.Add($"{path}.annotationPrefix", $"\"{alb.AnnotationPrefix}\" is not a valid annotation prefix: use a lowercase DNS name such as {AlbTrafficRouting.DefaultAnnotationPrefix}");
        }

        ValidateRootService(problems, alb, canary, $"{path}.rootService");

        if (alb.StickinessConfig is { Enabled: true, DurationSeconds: var seconds } && seconds is < 1 or > StickinessConfig.MaxDurationSeconds)
        {
            problems.Add($"{path}.stickinessConfig.durationSeconds",
                $"must be between 1 and {StickinessConfig.MaxDurationSeconds} seconds (7 days) when stickiness is enabled, got {seconds}");
        }
    }

    private static void ValidateIngresses(ProblemList problems, IReadOnlyList<string>? ingresses, string path)
    {
        if (ingresses is null)
        {
            return;
        }

        if (ingresses.Count == 0)
        {
            problems.Add(path, "must list at least one Ingress name");
        }

        for (var i = 0; i < ingresses.Count; i++)
        {
            if (!KubernetesNames.IsSubdomain(ingresses[i]))
            {
                problems.Add($"{path}[{i}]", $"\"{ingresses[i]}\" is not a valid Ingress name");
            }
            else if (ingresses.Take(i).Contains(ingresses[i]))
            {
                problems.Add($"{path}[{i}]", $"\"{ingresses[i]}\" is listed twice");
            }
        }
    }

    private static void ValidateRootService(ProblemList problems, AlbTrafficRouting alb, CanaryStrategy canary, string path)
    {
        if (canary.PingPong is { } pingPong)
        {
            problems.ServiceName(path, alb.RootService, true,
                "pingPong needs trafficRouting.alb.rootService, the Service the Ingress rule points to, after which the action annotation is named");
            if (!string.IsNullOrEmpty(alb.RootService) && (alb.RootService == pingPong.PingService || alb.RootService == pingPong.PongService))
            {
                problems.Add(path, "must be a Service of its own, not pingService or pongService: the Ingress rule keeps pointing at it while ping and pong swap roles");
            }

            return;
        }

        problems.ServiceName(path, alb.RootService, false, "");
        if (!string.IsNullOrEmpty(alb.RootService) && alb.RootService == canary.CanaryService)
        {
            problems.Add(path, "must not be the canaryService: the action named after it would send stable traffic to the canary rule");
        }
    }

    private static void ValidateStep(ProblemList problems, RolloutStep step, string path)
    {
        var kinds = new List<string>();
        if (step.SetWeight is not null)
        {
            kinds.Add("setWeight");
        }

        if (step.Pause is not null)
        {
            kinds.Add("pause");
        }

        if (step.SetCanaryScale is not null)
        {
            kinds.Add("setCanaryScale");
        }

        if (kinds.Count != 1)
        {
            problems.Add(path, kinds.Count == 0
                ? "empty step: set one of setWeight, pause or setCanaryScale"
                : $"a step has exactly one of setWeight, pause or setCanaryScale; found {string.Join(" and ", kinds)}: split it into separate steps");
        }

        problems.Range($"{path}.setWeight", step.SetWeight, 0, 100);
        if (step.Pause?.Duration is { } duration && !PauseDuration.TryParse(duration, out _))
        {
            problems.Add($"{path}.pause.duration", $"\"{duration}\" is not a duration: {PauseDuration.Help}");
        }

        if (step.SetCanaryScale is { } scale)
        {
            var set = (scale.Replicas is null ? 0 : 1) + (scale.Weight is null ? 0 : 1) + (scale.MatchTrafficWeight ? 1 : 0);
            if (set != 1)
            {
                problems.Add($"{path}.setCanaryScale", "set exactly one of replicas, weight or matchTrafficWeight: true");
            }

            problems.NotNegative($"{path}.setCanaryScale.replicas", scale.Replicas);
            problems.Range($"{path}.setCanaryScale.weight", scale.Weight, 0, 100);
        }
    }
}
