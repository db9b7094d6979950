namespace RolloutWorkflows.Workflows.Tests.Workflows;

using System.Collections.Concurrent;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

/// <summary>
/// Activity fakes for workflow tests (STYLE.md 34): a tiny in-memory cluster behind the contract interfaces.
/// It records every call and counts safety violations: traffic weight on a Service whose pods are gone.
/// </summary>
public sealed class FakeCluster : IReferenceActivities, IReplicaSetActivities, ITrafficActivities, IServiceActivities, ITargetActivities
{
    private readonly object gate = new();

    public ConcurrentDictionary<string, int> ReplicaSets { get; } = new();

    public ConcurrentDictionary<string, string> Selectors { get; } = new();

    /// <summary>Per ingress: the last action written (canary service, canary weight, stable service).</summary>
    public ConcurrentDictionary<string, (string Canary, int CanaryWeight, string Stable)> Actions { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Objects the reference check does not find (it fails as the real activity does).</summary>
    public ConcurrentDictionary<string, bool> MissingReferences { get; } = new();

    /// <summary>Services that do not exist when their selector is switched (gone after the check passed).</summary>
    public ConcurrentDictionary<string, bool> MissingServices { get; } = new();

    /// <summary>How many more weight verifications answer "not yet" (a lagging load balancer controller).</summary>
    public int WeightLag { get; set; }

    public int VerifyAttempts => verifyAttempts;

    private int verifyAttempts;

    public IEnumerable<string> CallsOf(string prefix) => Calls.Where(c => c.StartsWith(prefix, StringComparison.Ordinal));

    [Activity(Names.CheckReferences)]
    public Task<CheckReferencesResult> CheckReferencesAsync(CheckReferencesInput input)
    {
        Calls.Enqueue($"CheckReferences {string.Join(",", input.Services.Select(s => s.Name).Concat(input.Ingresses.Select(i => i.Name)))}");
        var missing = input.Services.Select(s => (s.Field, Kind: "Service", s.Name))
            .Concat(input.Ingresses.Select(i => (i.Field, Kind: "Ingress", i.Name)))
            .Where(r => MissingReferences.ContainsKey(r.Name))
            .Select(r => $"{r.Field}: {r.Kind} {input.Namespace}/{r.Name} not found: create it or fix the name in the Rollout")
            .ToList();
        if (missing.Count > 0)
        {
            throw new ApplicationFailureException(string.Join("; ", missing), Names.InvalidRolloutSpecError, nonRetryable: true);
        }

        return Task.FromResult(new CheckReferencesResult(input.Services.Count, input.Ingresses.Count));
    }

    [Activity(Names.EnsureReplicaSet)]
    public Task<EnsureReplicaSetResult> EnsureReplicaSetAsync(EnsureReplicaSetInput input)
    {
        var name = $"{input.RolloutName}-{input.PodTemplateHash}";
        var created = ReplicaSets.TryAdd(name, input.Replicas);
        Calls.Enqueue($"EnsureReplicaSet {name} {input.Replicas}");
        return Task.FromResult(new EnsureReplicaSetResult(name, created));
    }

    [Activity(Names.ScaleReplicaSet)]
    public Task<ScaleReplicaSetResult> ScaleReplicaSetAsync(ScaleReplicaSetInput input)
    {
        lock (gate)
        {
            if (!ReplicaSets.ContainsKey(input.ReplicaSetName))
            {
                throw new ApplicationFailureException($"ReplicaSet {input.ReplicaSetName} not found", Names.ObjectNotFoundError, nonRetryable: true);
            }

            ReplicaSets[input.ReplicaSetName] = input.Replicas;
            Calls.Enqueue($"ScaleReplicaSet {input.ReplicaSetName} {input.Replicas}");
            CheckTraffic();
            return Task.FromResult(new ScaleReplicaSetResult(input.ReplicaSetName, input.Replicas, true));
        }
    }

    [Activity(Names.WaitReplicaSetAvailable)]
    public Task<WaitReplicaSetAvailableResult> WaitReplicaSetAvailableAsync(WaitReplicaSetAvailableInput input)
    {
        var replicas = ReplicaSets.GetValueOrDefault(input.ReplicaSetName);
        return Task.FromResult(new WaitReplicaSetAvailableResult(input.ReplicaSetName, replicas, replicas));
    }

    [Activity(Names.SwitchServiceSelector)]
    public Task<SwitchServiceSelectorResult> SwitchServiceSelectorAsync(SwitchServiceSelectorInput input)
    {
        if (MissingServices.ContainsKey(input.Service))
        {
            // As ServiceActivities does: our reason on top, the client's HTTP error (converted by the SDK) as its cause.
            throw new ApplicationFailureException(
                $"Service {input.Namespace}/{input.Service} not found: create it or fix the name in the Rollout",
                new InvalidOperationException("Operation returned an invalid status code 'NotFound'"),
                Names.ObjectNotFoundError,
                nonRetryable: true);
        }

        lock (gate)
        {
            Selectors.TryGetValue(input.Service, out var before);
            Selectors[input.Service] = input.PodTemplateHash;
            Calls.Enqueue($"SwitchServiceSelector {input.Service} {input.PodTemplateHash}");
            CheckTraffic();
            return Task.FromResult(new SwitchServiceSelectorResult(input.Service, before != input.PodTemplateHash, before));
        }
    }

    [Activity(Names.SetAlbWeights)]
    public Task<SetAlbWeightsResult> SetAlbWeightsAsync(SetAlbWeightsInput input)
    {
        lock (gate)
        {
            var action = (input.Action.CanaryService, input.CanaryWeight, input.Action.StableService);
            var changed = !Actions.TryGetValue(input.Action.Ingress, out var before) || before != action;
            Actions[input.Action.Ingress] = action;
            Calls.Enqueue($"SetAlbWeights {input.Action.Ingress} {input.Action.CanaryService}={input.CanaryWeight} {input.Action.StableService}={100 - input.CanaryWeight}");
            CheckTraffic();
            return Task.FromResult(new SetAlbWeightsResult(input.Action.Ingress, changed));
        }
    }

    [Activity(Names.VerifyAlbWeights)]
    public Task<VerifyAlbWeightsResult> VerifyAlbWeightsAsync(VerifyAlbWeightsInput input)
    {
        Interlocked.Increment(ref verifyAttempts);
        lock (gate)
        {
            if (WeightLag > 0)
            {
                WeightLag--;
                throw new ApplicationFailureException(
                    $"ingress {input.Action.Ingress}: canary weight not yet {input.CanaryWeight}",
                    Names.NotYetVerifiedError,
                    nextRetryDelay: TimeSpan.FromSeconds(input.PollSeconds),
                    category: ApplicationErrorCategory.Benign);
            }

            Calls.Enqueue($"VerifyAlbWeights {input.Action.Ingress} {input.CanaryWeight}");
            return Task.FromResult(new VerifyAlbWeightsResult(input.Action.Ingress, true, $"canary {input.CanaryWeight} verified", []));
        }
    }

    [Activity(Names.ResetAlbAnnotations)]
    public Task<ResetAlbAnnotationsResult> ResetAlbAnnotationsAsync(ResetAlbAnnotationsInput input)
    {
        Actions[input.Action.Ingress] = (input.Action.CanaryService, 0, input.Action.StableService);
        Calls.Enqueue($"ResetAlbAnnotations {input.Action.Ingress} {input.Action.StableService}=100");
        return Task.FromResult(new ResetAlbAnnotationsResult(input.Action.Ingress, true));
    }

    [Activity(Names.VerifyTargetRegistration)]
    public Task<VerifyTargetRegistrationResult> VerifyTargetRegistrationAsync(VerifyTargetRegistrationInput input)
    {
        Calls.Enqueue($"VerifyTargetRegistration {input.Service} {input.PodTemplateHash}");
        var replicas = ReplicaSets.Where(rs => rs.Key.EndsWith($"-{input.PodTemplateHash}", StringComparison.Ordinal)).Sum(rs => rs.Value);
        return Task.FromResult(new VerifyTargetRegistrationResult(input.Service, true, replicas, replicas, "registered"));
    }

    /// <summary>Every Service with weight must select a ReplicaSet that has pods.</summary>
    private void CheckTraffic()
    {
        foreach (var (ingress, action) in Actions)
        {
            Check(ingress, action.Canary, action.CanaryWeight);
            Check(ingress, action.Stable, 100 - action.CanaryWeight);
        }
    }

    private void Check(string ingress, string service, int weight)
    {
        if (weight <= 0)
        {
            return;
        }

        var pods = Selectors.TryGetValue(service, out var hash)
            ? ReplicaSets.Where(rs => rs.Key.EndsWith($"-{hash}", StringComparison.Ordinal)).Sum(rs => rs.Value)
            : 0;
        if (pods == 0)
        {
            Violations.Enqueue($"{ingress}: {weight}% to {service} which has no pods (after {Calls.LastOrDefault()})");
        }
    }
}
