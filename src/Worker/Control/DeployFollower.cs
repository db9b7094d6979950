namespace RolloutWorkflows.Worker.Control;

using System.Globalization;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Planning;

/// <summary>
/// Follows one deployed revision for <c>rollouts deploy --wait</c>: prints a line whenever its progress changes and
/// decides the outcome. The revision is recognised by its pod-template hash, so a status read before the workflow
/// took the signal (still showing the previous revision) is never mistaken for the result.
/// </summary>
public sealed class DeployFollower
{
    private readonly RolloutControl control;
    private readonly TextWriter output;

    public DeployFollower(RolloutControl control, TextWriter output)
    {
        this.control = control;
        this.output = output;
    }

    /// <summary>How often the status is read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Polls until the revision is Healthy (success), Degraded, superseded, refused, or <paramref name="limit"/> passes (zero: no limit).</summary>
    public async Task<DeployOutcome> FollowAsync(RolloutRevision revision, TimeSpan limit, CancellationToken cancellationToken)
    {
        var (ns, name, hash) = (revision.Spec.Namespace, revision.Spec.Name, revision.PodTemplateHash);
        var deadline = limit > TimeSpan.Zero ? DateTime.UtcNow + limit : DateTime.MaxValue;
        var seen = false;
        string? last = null;
        while (true)
        {
            RolloutStatus status;
            try
            {
                status = await control.StatusAsync(ns, name, cancellationToken);
            }
            catch (TimeoutException silent) when (DateTime.UtcNow < deadline)
            {
                // A worker restart (e.g. a rolling update of the worker Deployment) must not fail the CI job: the
                // rollout goes on from its history once a worker is back, so keep waiting until --timeout.
                await output.WriteLineAsync($"{Now()} {silent.Message}; still waiting");
                continue;
            }

            if (status.PodTemplateHash == hash)
            {
                seen = true;
                var line = Progress(status);
                if (line != last)
                {
                    last = line;
                    await output.WriteLineAsync($"{Now()} {line}");
                }
            }

            if (Outcome(status, hash, seen) is { } outcome)
            {
                return outcome;
            }

            if (!await control.IsRunningAsync(ns, name, cancellationToken))
            {
                return new DeployOutcome(false, $"the rollout's workflow ended before revision {hash} finished (it was deleted)");
            }

            if (DateTime.UtcNow > deadline)
            {
                return new DeployOutcome(false, $"not finished after {limit.TotalSeconds:0} s (--timeout): {status.Phase} {status.Message}".TrimEnd());
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The outcome a status shows for the revision with <paramref name="hash"/>, or null while it is still in progress.</summary>
    public static DeployOutcome? Outcome(RolloutStatus status, string hash, bool seenBefore)
    {
        if (status.PodTemplateHash == hash)
        {
            if (status.Phase == StatusProjection.Healthy && status.StableReplicaSet == $"{status.Name}-{hash}")
            {
                return new DeployOutcome(true, $"Healthy at revision {status.Revision} ({status.StableReplicaSet})");
            }

            return status.Phase == StatusProjection.Degraded
                ? new DeployOutcome(false, $"Degraded at revision {status.Revision}: {status.Message}")
                : null;
        }

        if (seenBefore)
        {
            return new DeployOutcome(false, $"superseded by revision {status.Revision} ({status.PodTemplateHash}) before it finished");
        }

        // Queued behind an update that failed for good (a first revision has nothing to go back to): nothing moves
        // until someone acts, so a CI job should fail now with what to do rather than wait forever.
        if (status.Phase == StatusProjection.Degraded && !status.Aborted && status.Events.Any(e => e.Text.Contains($"({hash}) queued", StringComparison.Ordinal)))
        {
            return new DeployOutcome(false,
                $"queued behind revision {status.Revision}, which failed: {status.Message}. Fix the cause and run `rollouts retry {status.Name} -n {status.Namespace}` (it rolls revision {status.Revision} out again, then this one), or `rollouts delete {status.Name} -n {status.Namespace}` and deploy again");
        }

        var refused = status.Events.LastOrDefault(e =>
            e.Text.StartsWith($"Deploy of {hash} rejected", StringComparison.Ordinal) ||
            e.Text.StartsWith($"Deploy of {hash} ignored: the rollout is being deleted", StringComparison.Ordinal));
        return refused is null ? null : new DeployOutcome(false, refused.Text);
    }

    private static string Now() => DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Progress(RolloutStatus status)
    {
        var verified = status.ActualWeight is { } w ? $"{w}%" : "-";
        var message = string.IsNullOrEmpty(status.Message) ? "" : $": {status.Message}";
        return $"revision {status.Revision} {status.Phase} (weight set {status.SetWeight}%, verified {verified}){message}";
    }
}
