namespace RolloutWorkflows.Worker.Hosting;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// Rollout engine settings (configuration section <c>Rollouts</c>): what the CLI puts into every revision it
/// deploys, and which ingress classes count as ALB.
/// </summary>
public sealed class EngineSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Rollouts";

    /// <summary><c>--aws-verify-target-group</c>: verify ALB weights and target registration before moving on.</summary>
    public bool VerifyTargetGroups { get; set; }

    /// <summary>How often a not-yet-verified check is retried, in seconds.</summary>
    public int VerificationPollSeconds { get; set; } = 10;

    /// <summary>How long a verification may take, in seconds, before <see cref="OnVerificationTimeout"/> applies.</summary>
    public int VerificationDeadlineSeconds { get; set; } = 600;

    /// <summary>What a verification deadline does: <c>Pause</c> (default) or <c>Abort</c>.</summary>
    public VerificationTimeoutAction OnVerificationTimeout { get; set; } = VerificationTimeoutAction.Pause;

    /// <summary><c>--alb-ingress-classes</c>: ingress classes served by the AWS Load Balancer Controller; <c>''</c> accepts ingresses without a class.</summary>
    public IList<string> AlbIngressClasses { get; } = [];

    /// <summary>The ALB classes in effect: the configured ones, else <c>alb</c>.</summary>
    public IReadOnlyCollection<string> EffectiveAlbIngressClasses => AlbIngressClasses.Count > 0 ? [.. AlbIngressClasses] : ["alb"];

    /// <summary>Every problem with these settings, each naming the setting and the fix; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (VerificationPollSeconds is < 1 or > 3600)
        {
            problems.Add($"{SectionName}:VerificationPollSeconds {VerificationPollSeconds} must be between 1 and 3600 (default 10).");
        }

        if (VerificationDeadlineSeconds < VerificationPollSeconds)
        {
            problems.Add($"{SectionName}:VerificationDeadlineSeconds {VerificationDeadlineSeconds} must be at least VerificationPollSeconds ({VerificationPollSeconds}); default 600.");
        }

        return problems;
    }

    /// <summary>The settings that travel with a deployed revision.</summary>
    public RolloutSettings ToRolloutSettings() => new()
    {
        VerifyTargetGroups = VerifyTargetGroups,
        VerificationPollSeconds = VerificationPollSeconds,
        VerificationDeadlineSeconds = VerificationDeadlineSeconds,
        OnVerificationTimeout = OnVerificationTimeout,
    };
}
