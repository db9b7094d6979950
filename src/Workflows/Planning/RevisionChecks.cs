namespace RolloutWorkflows.Workflows.Planning;

using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The workflow's last line of defence against a revision it cannot run (the CLI validates the manifest
/// fully before sending it); each problem names the field and the fix.
/// </summary>
public static class RevisionChecks
{
    public static IReadOnlyList<string> Problems(RolloutRevision revision, string @namespace, string name)
    {
        var problems = new List<string>();
        var spec = revision.Spec;
        if (spec.Namespace != @namespace || spec.Name != name)
        {
            problems.Add($"metadata: revision is for {spec.Namespace}/{spec.Name} but this workflow runs {@namespace}/{name}; send it to workflow {RolloutIds.WorkflowId(spec.Namespace, spec.Name)}");
        }

        if (string.IsNullOrEmpty(revision.PodTemplateHash))
        {
            problems.Add("podTemplateHash: empty; compute it from spec.template");
        }

        if (spec.Replicas < 0)
        {
            problems.Add($"spec.replicas: {spec.Replicas} is negative; use 0 or more");
        }

        if ((spec.Canary is null) == (spec.BlueGreen is null))
        {
            problems.Add("spec.strategy: set exactly one of canary or blueGreen");
        }

        if (spec.BlueGreen is { } blueGreen && string.IsNullOrEmpty(blueGreen.ActiveService))
        {
            problems.Add("spec.strategy.blueGreen.activeService: required");
        }

        if (spec.Canary is { } canary)
        {
            AddCanaryProblems(canary, problems);
        }

        return problems;
    }

    private static void AddCanaryProblems(CanarySpec canary, List<string> problems)
    {
        foreach (var (step, index) in canary.Steps.Select((s, i) => (s, i)))
        {
            if (step.Kind == CanaryStepKind.SetWeight && step.Weight is not (>= 0 and <= 100))
            {
                problems.Add($"spec.strategy.canary.steps[{index}].setWeight: {step.Weight} is outside 0..100");
            }
        }

        if (canary.Alb is not { } alb)
        {
            return;
        }

        if (alb.Ingresses.Count == 0)
        {
            problems.Add("spec.strategy.canary.trafficRouting.alb: set ingress or ingresses");
        }

        if (alb.ServicePort <= 0)
        {
            problems.Add("spec.strategy.canary.trafficRouting.alb.servicePort: must be greater than 0");
        }

        if (canary.PingPong is null && (string.IsNullOrEmpty(canary.StableService) || string.IsNullOrEmpty(canary.CanaryService)))
        {
            problems.Add("spec.strategy.canary: ALB traffic routing needs stableService and canaryService (or pingPong)");
        }

        if (canary.PingPong is not null && string.IsNullOrEmpty(alb.RootService))
        {
            problems.Add("spec.strategy.canary.trafficRouting.alb.rootService: required with pingPong");
        }
    }
}
