namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>The <c>Status</c> query's view of a state: phase and message as <c>kubectl argo rollouts get</c> shows them.</summary>
public static class StatusProjection
{
    public const string Progressing = "Progressing";
    public const string Paused = "Paused";
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";

    public static RolloutStatus Project(string @namespace, string name, RolloutState state)
    {
        var (phase, message) = PhaseOf(state);
        var current = state.Current;
        var rolloutName = current?.Spec.Name ?? name;
        var canaryHash = state.Stage != RolloutStage.Idle && current is not null && current.PodTemplateHash != state.StableHash
            ? current.PodTemplateHash
            : null;
        return new RolloutStatus
        {
            Namespace = @namespace,
            Name = name,
            Strategy = current is null ? "" : current.Spec.BlueGreen is not null ? "blueGreen" : "canary",
            Phase = phase,
            Message = message,
            Revision = current?.Number ?? 0,
            StableRevision = state.StableRevision,
            PodTemplateHash = current?.PodTemplateHash ?? "",
            Step = state.StepIndex,
            Steps = current?.Spec.Canary?.Steps.Count ?? 0,
            SetWeight = state.SetWeight,
            ActualWeight = state.VerifiedWeight,
            StableReplicaSet = state.StableHash is null ? null : $"{rolloutName}-{state.StableHash}",
            CanaryReplicaSet = canaryHash is null ? null : $"{rolloutName}-{canaryHash}",
            StablePingPong = current?.Spec.Canary?.PingPong is null ? null : state.StableSide == PingPongSide.Ping ? "ping" : "pong",
            Paused = phase == Paused,
            Aborted = state.Stage is RolloutStage.Aborting or RolloutStage.Aborted,
            Ingresses = state.Ingresses,
            Events = state.Events,
        };
    }

    public static (string Phase, string Message) PhaseOf(RolloutState state)
    {
        if (state.Stage is RolloutStage.Aborting or RolloutStage.Aborted || state.Failed)
        {
            return (Degraded, state.Message);
        }

        if (state.Paused)
        {
            return (Paused, state.Message);
        }

        var action = RolloutPlanner.CurrentAction(state);
        switch (state.Stage)
        {
            case RolloutStage.Idle:
                return state.StableHash is null ? (Progressing, "waiting for the first revision") : (Healthy, "");
            case RolloutStage.Deleting:
                return (Progressing, "deleting: resetting ALB actions to stable");
            case RolloutStage.Updating when action is { Kind: ActionKind.Pause }:
                return (Paused, state.Current?.Spec.BlueGreen is null ? "CanaryPauseStep" : "BlueGreenPause");
        }

        var steps = state.Current?.Spec.Canary?.Steps.Count ?? 0;
        var prefix = steps > 0 ? $"step {Math.Min(state.StepIndex + 1, steps)}/{steps}: " : "";
        return (Progressing, action is null ? "" : prefix + action.Summary);
    }
}
