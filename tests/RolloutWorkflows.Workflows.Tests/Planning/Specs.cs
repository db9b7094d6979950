namespace RolloutWorkflows.Workflows.Tests.Planning;

using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

/// <summary>Rollout revisions shaped like the ALB guide's examples.</summary>
public static class Specs
{
    public static RolloutRevision Canary(
        string hash = "new",
        int replicas = 4,
        bool verify = true,
        bool pingPong = false,
        bool dynamicStableScale = false,
        IReadOnlyList<CanaryStep>? steps = null,
        string[]? ingresses = null,
        bool alb = true,
        string name = "web") => new()
        {
            PodTemplateHash = hash,
            Number = 2,
            Settings = Settings(verify),
            Spec = new RolloutSpec
            {
                Namespace = "default",
                Name = name,
                Replicas = replicas,
                Canary = new CanarySpec
                {
                    StableService = pingPong ? null : "stable-service",
                    CanaryService = pingPong ? null : "canary-service",
                    PingPong = pingPong ? new PingPongServices("ping-service", "pong-service") : null,
                    Steps = steps ?? [CanaryStep.SetWeightTo(20), CanaryStep.PauseUntilPromoted(), CanaryStep.SetWeightTo(60), CanaryStep.PauseFor(300)],
                    DynamicStableScale = dynamicStableScale,
                    ScaleDownDelaySeconds = dynamicStableScale ? 0 : 30,
                    Alb = alb
                        ? new AlbSpec { Ingresses = ingresses ?? ["ingress"], ServicePort = 443, RootService = pingPong ? "root-service" : null }
                        : null,
                },
            },
        };

    public static RolloutRevision BlueGreen(
        string hash = "new", bool autoPromotion = true, int? autoPromotionSeconds = null, bool verify = true, string name = "web",
        int abortScaleDownDelaySeconds = BlueGreenSpec.DefaultScaleDownDelaySeconds) => new()
        {
            PodTemplateHash = hash,
            Number = 2,
            Settings = Settings(verify),
            Spec = new RolloutSpec
            {
                Namespace = "default",
                Name = name,
                Replicas = 3,
                BlueGreen = new BlueGreenSpec
                {
                    ActiveService = "active-service",
                    PreviewService = "preview-service",
                    AutoPromotionEnabled = autoPromotion,
                    AutoPromotionSeconds = autoPromotionSeconds,
                    AbortScaleDownDelaySeconds = abortScaleDownDelaySeconds,
                },
            },
        };

    /// <summary>Verification polled every second, with a deadline short enough for tests.</summary>
    public static RolloutSettings Settings(bool verify) =>
        new() { VerifyTargetGroups = verify, VerificationPollSeconds = 1, VerificationDeadlineSeconds = 60, AvailabilityPollSeconds = 1 };

    /// <summary>The plan as short lines, easy to compare and to read in a failure message.</summary>
    public static List<string> Lines(RolloutPlan plan) => plan.Actions.Select(a => a.Kind switch
    {
        ActionKind.SetWeights or ActionKind.VerifyWeights =>
            $"{a.Kind} {a.Roles!.CanaryService}={a.Weight} {a.Roles.StableService}={100 - a.Weight}",
        ActionKind.MarkStable => $"MarkStable {a.Hash} {a.Side}",
        ActionKind.CompleteStep => $"CompleteStep {a.Step}",
        ActionKind.Pause or ActionKind.Delay => $"{a.Kind} {a.Seconds?.ToString() ?? "-"}",
        ActionKind.SwitchSelector or ActionKind.VerifyTargets => $"{a.Kind} {a.Service} {a.Hash}",
        ActionKind.ResetAlb => $"ResetAlb {a.Roles!.StableService}",
        _ => $"{a.Kind} {a.Hash} {a.Replicas}",
    }).ToList();
}
