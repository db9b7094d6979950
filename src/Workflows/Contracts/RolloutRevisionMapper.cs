namespace RolloutWorkflows.Workflows.Contracts;

using RolloutWorkflows.Workflows.Model;

/// <summary>
/// The one place that turns a parsed (and validated) <see cref="Rollout"/> into the run-time records the workflow
/// carries. It applies Argo's defaults once, so the workflow never needs the manifest model.
/// </summary>
public static class RolloutRevisionMapper
{
    /// <summary>The revision for <c>Deploy</c>; the workflow assigns <see cref="RolloutRevision.Number"/>.</summary>
    public static RolloutRevision ToRevision(Rollout rollout, RolloutSettings settings) => new()
    {
        Spec = ToSpec(rollout),
        PodTemplateJson = rollout.Template?.ToJsonString() ?? "{}",
        PodTemplateHash = rollout.ComputePodTemplateHash(),
        Settings = settings,
    };

    public static RolloutSpec ToSpec(Rollout rollout) => new()
    {
        Namespace = rollout.GetNamespace(),
        Name = rollout.Metadata.Name ?? "",
        Replicas = rollout.Replicas,
        SelectorMatchLabels = new Dictionary<string, string>(rollout.GetSelectorMatchLabels(), StringComparer.Ordinal),
        Canary = rollout.Strategy.Canary is { } canary ? ToCanary(canary) : null,
        BlueGreen = rollout.Strategy.BlueGreen is { } blueGreen ? ToBlueGreen(blueGreen) : null,
    };

    private static CanarySpec ToCanary(CanaryStrategy canary) => new()
    {
        StableService = canary.StableService,
        CanaryService = canary.CanaryService,
        Steps = canary.Steps.Select(ToStep).ToList(),
        Alb = canary.GetAlb() is { } alb ? ToAlb(alb) : null,
        PingPong = canary.PingPong is { PingService: { } ping, PongService: { } pong } ? new PingPongServices(ping, pong) : null,
        ScaleDownDelaySeconds = canary.EffectiveScaleDownDelaySeconds(),
        AbortScaleDownDelaySeconds = canary.EffectiveAbortScaleDownDelaySeconds(),
        DynamicStableScale = canary.DynamicStableScale,
    };

    private static CanaryStep ToStep(RolloutStep step)
    {
        if (step.SetWeight is { } weight)
        {
            return CanaryStep.SetWeightTo(weight);
        }

        if (step.Pause is { } pause)
        {
            return pause.ToTimeSpan() is { } duration ? CanaryStep.PauseFor((int)Math.Ceiling(duration.TotalSeconds)) : CanaryStep.PauseUntilPromoted();
        }

        var scale = step.SetCanaryScale ?? new SetCanaryScaleStep { MatchTrafficWeight = true };
        return new CanaryStep
        {
            Kind = CanaryStepKind.SetCanaryScale,
            Replicas = scale.Replicas,
            Weight = scale.Weight,
            MatchTrafficWeight = scale.MatchTrafficWeight,
        };
    }

    private static AlbSpec ToAlb(AlbTrafficRouting alb) => new()
    {
        Ingresses = alb.GetIngressNames().ToList(),
        ServicePort = alb.ServicePort,
        RootService = string.IsNullOrEmpty(alb.RootService) ? null : alb.RootService,
        AnnotationPrefix = alb.EffectiveAnnotationPrefix(),
        Stickiness = alb.StickinessConfig is { Enabled: true } stickiness ? new StickinessSpec(stickiness.DurationSeconds) : null,
    };

    private static BlueGreenSpec ToBlueGreen(BlueGreenStrategy blueGreen) => new()
    {
        ActiveService = blueGreen.ActiveService ?? "",
        PreviewService = blueGreen.PreviewService,
        AutoPromotionEnabled = blueGreen.AutoPromotionEnabled,
        AutoPromotionSeconds = blueGreen.AutoPromotionSeconds,
        ScaleDownDelaySeconds = blueGreen.EffectiveScaleDownDelaySeconds(),
        AbortScaleDownDelaySeconds = blueGreen.EffectiveAbortScaleDownDelaySeconds(),
    };
}
