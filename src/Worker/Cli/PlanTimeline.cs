namespace RolloutWorkflows.Worker.Cli;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// Computes what <c>rollouts plan</c> shows: the ALB annotations of every ingress at the start of an
/// update (canary weight 0) and after each step (the weight of the last setWeight so far), by applying
/// the same planner the workflow uses to the ingresses as given.
/// </summary>
public static class PlanTimeline
{
    /// <exception cref="InvalidOperationException">Never for validated input; the planner's per-ingress errors are returned as problems instead.</exception>
    public static (IReadOnlyList<PlanEntry> Entries, IReadOnlyList<ValidationProblem> Problems) Compute(Rollout rollout, IReadOnlyList<AlbIngress> ingresses, string stablePingPong)
    {
        var alb = rollout.Strategy.Canary!.GetAlb()!;
        var state = alb.GetIngressNames()
            .Select(name => ingresses.First(i => i.Name == name))
            .Select(i => new IngressAnnotations(i.Name, i.Annotations))
            .ToList();
        var entries = new List<PlanEntry>();
        var problems = new List<ValidationProblem>();
        var weight = 0;
        var steps = rollout.Strategy.Canary.Steps;
        for (var index = -1; index < steps.Count; index++)
        {
            var step = index < 0 ? null : steps[index];
            weight = step?.SetWeight ?? weight;
            var plans = AlbAnnotationPlanner.PlanSetWeight(rollout, stablePingPong, weight, state);
            foreach (var failed in plans.Where(p => p.Error is not null))
            {
                var colon = failed.Error!.IndexOf(": ", StringComparison.Ordinal);
                problems.Add(new(failed.Error[..colon], failed.Error[(colon + 2)..]));
            }

            if (problems.Count > 0)
            {
                return (entries, problems);
            }

            state = plans.Select(p => new IngressAnnotations(p.IngressName, p.Desired)).ToList();
            entries.Add(new PlanEntry(
                index < 0 ? null : index,
                step?.ToString() ?? "start",
                weight,
                state.ToDictionary(s => s.Name, s => s.Annotations!)));
        }

        return (entries, problems);
    }
}
