namespace RolloutWorkflows.Sandbox.Kubernetes;

using RolloutWorkflows.Sandbox.Kubernetes.Controllers;

/// <summary>How a <see cref="KubernetesSandbox"/> behaves.</summary>
public sealed class KubernetesSandboxOptions
{
    /// <summary>Gets or sets the clock for timestamps, readiness delays, bookmarks, watch timeouts and the controller loop.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets a value indicating whether to also serve Ingress at networking.k8s.io/v1beta1 and extensions/v1beta1 (pre-1.22 clusters).</summary>
    public bool LegacyIngressApis { get; set; }

    /// <summary>Gets or sets a value indicating whether the controllers run by themselves every <see cref="ControllerInterval"/>.</summary>
    public bool RunControllers { get; set; } = true;

    /// <summary>Gets or sets the period of the controller loop on <see cref="TimeProvider"/>.</summary>
    public TimeSpan ControllerInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets how many changes the watch ring buffer keeps for resume (older versions get 410 Expired).</summary>
    public int WatchHistorySize { get; set; } = 1000;

    /// <summary>Gets or sets the cadence of BOOKMARK events on watches that allow them.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a value indicating whether creating in a missing namespace is a 404 (real server); otherwise the namespace is created.</summary>
    public bool RequireNamespaces { get; set; }

    /// <summary>Gets or sets the seed of generated names and fault shares, for repeatable runs; null is random names.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets the simulated controllers' behaviour (readiness delay, pod failures).</summary>
    public ControllerOptions Controllers { get; } = new();
}
