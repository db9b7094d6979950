namespace RolloutWorkflows.Sandbox.Aws.Lbc;

/// <summary>Options of the <see cref="LbcSimulator"/>, named after the real controller's flags where one exists.</summary>
public sealed class LbcSimulatorOptions
{
    /// <summary>Gets or sets the cluster name (`--cluster-name`), written into the `elbv2.k8s.aws/cluster` tag.</summary>
    public string ClusterName { get; set; } = "sandbox";

    /// <summary>Gets or sets the ingress classes served (`--ingress-class`); an empty string means Ingresses without a class.</summary>
    public IList<string> IngressClasses { get; set; } = ["alb"];

    /// <summary>Gets or sets the annotation prefix (the legacy `--annotations-prefix`; LBC v2+ hard-codes the default).</summary>
    public string AnnotationPrefix { get; set; } = "alb.ingress.kubernetes.io";

    /// <summary>Gets or sets the delay between a Kubernetes change being observed and it being visible in ELBv2.</summary>
    public TimeSpan ReconcileLag { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how often the Kubernetes API is polled while the controller runs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets how long a newly registered target stays `initial` before it is `healthy`.</summary>
    public TimeSpan TargetRegistrationDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a deregistered target stays `draining` (AWS default 300 s).</summary>
    public TimeSpan DeregistrationDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the scheme used when the `scheme` annotation is absent.</summary>
    public string DefaultScheme { get; set; } = "internet-facing";

    /// <summary>
    /// Gets or sets a value indicating whether pod readiness gates are simulated (the real flag
    /// `--enable-pod-readiness-gate-inject` defaults to on; here it is off unless asked for): pods created in
    /// namespaces labelled `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` whose Service backs a target group
    /// get the gate `target-health.elbv2.k8s.aws/&lt;binding&gt;` (register the webhook with
    /// <see cref="LbcSimulator.AttachTo"/>), their targets are registered once their containers are ready, and
    /// the condition turns True when the target is healthy.
    /// </summary>
    public bool PodReadinessGateInject { get; set; }

    /// <summary>Gets or sets the clock of the lag and of target registration.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options and names the field to fix.</summary>
    public LbcSimulatorOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterName))
        {
            throw new ArgumentException("LbcSimulatorOptions.ClusterName must not be empty; set it to the cluster's name.");
        }

        if (ReconcileLag < TimeSpan.Zero || TargetRegistrationDelay < TimeSpan.Zero || DeregistrationDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("LbcSimulatorOptions: ReconcileLag, TargetRegistrationDelay and DeregistrationDelay must not be negative.");
        }

        return PollInterval <= TimeSpan.Zero
            ? throw new ArgumentException($"LbcSimulatorOptions.PollInterval ({PollInterval}) must be positive.")
            : this;
    }
}
