namespace RolloutWorkflows.Activities.Rollout;

using System.Globalization;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Verification;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using Temporalio.Activities;

/// <summary>
/// ALB traffic activities, one ingress per call: write the action (read-compare-merge-patch, only what changed),
/// verify it on the load balancer, reset it on delete.
/// </summary>
public sealed class TrafficActivities : ITrafficActivities
{
    private readonly IIngressGateway ingresses;
    private readonly WeightVerificationService verification;

    public TrafficActivities(IIngressGateway ingresses, WeightVerificationService verification)
    {
        this.ingresses = ingresses;
        this.verification = verification;
    }

    /// <inheritdoc/>
    [Activity(Names.SetAlbWeights)]
    public async Task<SetAlbWeightsResult> SetAlbWeightsAsync(SetAlbWeightsInput input)
    {
        var action = input.Action;
        var value = Render(() => AlbActionRenderer.Render(
            new AlbActionInput(action.CanaryService, action.StableService, action.ServicePort, input.CanaryWeight, Stickiness(action))));
        var changed = await PatchAsync(action, current => AlbAnnotationPlanner.PlanSetWeight(action.RolloutName, current, Key(action), value));
        return new SetAlbWeightsResult(action.Ingress, changed);
    }

    /// <inheritdoc/>
    [Activity(Names.ResetAlbAnnotations)]
    public async Task<ResetAlbAnnotationsResult> ResetAlbAnnotationsAsync(ResetAlbAnnotationsInput input)
    {
        var action = input.Action;
        var value = Render(() => AlbActionRenderer.RenderReset(action.StableService, action.ServicePort, Stickiness(action)));
        var changed = await PatchAsync(action, current => AlbAnnotationPlanner.PlanReset(action.RolloutName, current, Key(action), value));
        return new ResetAlbAnnotationsResult(action.Ingress, changed);
    }

    /// <inheritdoc/>
    [Activity(Names.VerifyAlbWeights)]
    public Task<VerifyAlbWeightsResult> VerifyAlbWeightsAsync(VerifyAlbWeightsInput input) =>
        ActivityFailures.MapNotFoundAsync(async () =>
        {
            var action = input.Action;
            var token = ActivityExecutionContext.Current.CancellationToken;
            var ingress = await ingresses.GetIngressAsync(action.Namespace, action.Ingress, token);
            var where = $"ingress {action.Namespace}/{action.Ingress}";
            if (ingress.Hostnames.Count == 0)
            {
                throw ActivityFailures.NotYetVerified($"{where}: no load balancer yet (status.loadBalancer is empty)", input.PollSeconds);
            }

            var request = new WeightVerificationRequest(
                action.Namespace,
                action.Ingress,
                ingress.Hostnames,
                action.ServicePort.ToString(CultureInfo.InvariantCulture),
                [new WeightDestination(action.CanaryService, input.CanaryWeight), new WeightDestination(action.StableService, 100 - input.CanaryWeight)]);
            var result = await verification.VerifyAsync(request, token);
            if (!result.Verified)
            {
                throw ActivityFailures.NotYetVerified($"{where}: {result.Reason ?? "weights not yet applied"}", input.PollSeconds);
            }

            var groups = result.TargetGroups
                .Select(t => new Workflows.Contracts.TargetGroupWeight(t.ServiceName, t.TargetGroupArn ?? "", t.ActualWeight, t.ExpectedWeight))
                .ToList();
            return new VerifyAlbWeightsResult(
                action.Ingress, true, $"{where}: {action.CanaryService}={input.CanaryWeight} {action.StableService}={100 - input.CanaryWeight} verified", groups);
        });

    private static string Key(AlbAction action) => AlbActionRenderer.ActionKey(action.AnnotationPrefix, action.ActionService);

    private static StickinessConfig? Stickiness(AlbAction action) =>
        action.StickinessSeconds is { } seconds ? new StickinessConfig { Enabled = true, DurationSeconds = seconds } : null;

    private static string Render(Func<string> render)
    {
        try
        {
            return render();
        }
        catch (AlbAnnotationException e)
        {
            throw ActivityFailures.InvalidSpec(e.Message);
        }
    }

    /// <summary>Read-compare-patch through the gateway; bookkeeping conflicts or corruption fail fast with the reason.</summary>
    private Task<bool> PatchAsync(AlbAction action, Func<IngressAnnotations, IngressPatchPlan> plan) =>
        ActivityFailures.MapNotFoundAsync(async () =>
        {
            var result = await ingresses.PatchAnnotationsAsync(
                action.Namespace,
                action.Ingress,
                snapshot =>
                {
                    IngressPatchPlan planned;
                    try
                    {
                        planned = plan(new IngressAnnotations(action.Ingress, snapshot.Annotations));
                    }
                    catch (AlbAnnotationException e)
                    {
                        throw ActivityFailures.InvalidSpec(e.Message);
                    }

                    if (planned.Error is not null)
                    {
                        throw ActivityFailures.InvalidSpec(planned.Error);
                    }

                    return Changes(snapshot.Annotations, planned.Desired);
                },
                ActivityExecutionContext.Current.CancellationToken);
            return result.Changed;
        });

    /// <summary>The gateway's desired form: every desired key, and null for each key the plan removed.</summary>
    private static Dictionary<string, string?> Changes(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> desired)
    {
        var changes = desired.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        foreach (var key in current.Keys.Where(k => !desired.ContainsKey(k)))
        {
            changes[key] = null;
        }

        return changes;
    }
}
