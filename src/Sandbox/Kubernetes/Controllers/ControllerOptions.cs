namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Text.Json.Nodes;

/// <summary>How the simulated kubelet and controllers behave. Change at any time; read on every step.</summary>
public sealed class ControllerOptions
{
    /// <summary>Pod annotation: seconds from start to Ready, overriding <see cref="ReadinessDelay"/>.</summary>
    public const string ReadinessDelayAnnotation = "sandbox.rolloutworkflows.io/readiness-delay-seconds";

    /// <summary>Pod annotation: "true" makes the pod's containers crash and never become Ready.</summary>
    public const string FailAnnotation = "sandbox.rolloutworkflows.io/fail";

    /// <summary>Gets or sets how long a started pod takes to become Ready (sandbox clock). Default 0.</summary>
    public TimeSpan ReadinessDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets a per-pod failure rule: pods it returns true for never become Ready.</summary>
    public Func<JsonObject, bool>? PodFails { get; set; }

    /// <summary>Gets or sets the node name written into pods (data only).</summary>
    public string NodeName { get; set; } = "sandbox-node-1";
}
