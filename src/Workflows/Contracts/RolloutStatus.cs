namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>What the <c>Status</c> query returns; mirrors <c>kubectl argo rollouts get</c>.</summary>
public sealed record RolloutStatus
{
    public string Namespace { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary><c>canary</c>, <c>blueGreen</c> or empty before the first deploy.</summary>
    public string Strategy { get; init; } = "";

    /// <summary>Progressing, Paused, Healthy or Degraded.</summary>
    public string Phase { get; init; } = "";

    public string Message { get; init; } = "";

    /// <summary>The revision being rolled out (or the stable one when idle).</summary>
    public long Revision { get; init; }

    public long StableRevision { get; init; }

    /// <summary>The pod-template hash of <see cref="Revision"/> (empty before the first deploy); how a deployer recognises its revision.</summary>
    public string PodTemplateHash { get; init; } = "";

    /// <summary>The current canary step (0-based; equal to <see cref="Steps"/> when all are done).</summary>
    public int Step { get; init; }

    public int Steps { get; init; }

    public int SetWeight { get; init; }

    /// <summary>The weight last verified on every ingress; null when unknown or not verified.</summary>
    public int? ActualWeight { get; init; }

    public string? StableReplicaSet { get; init; }

    public string? CanaryReplicaSet { get; init; }

    /// <summary><c>ping</c> or <c>pong</c> with ping-pong, else null.</summary>
    public string? StablePingPong { get; init; }

    public bool Paused { get; init; }

    public bool Aborted { get; init; }

    public IReadOnlyList<IngressVerification> Ingresses { get; init; } = [];

    public IReadOnlyList<RolloutEvent> Events { get; init; } = [];
}
