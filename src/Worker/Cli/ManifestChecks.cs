namespace RolloutWorkflows.Worker.Cli;

using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Workflows.Validation;

/// <summary>Every check the CLI runs over loaded manifests, all problems at once.</summary>
public static class ManifestChecks
{
    /// <param name="manifests">What the loader read.</param>
    /// <param name="albClasses">Accepted ingress classes (<c>--alb-ingress-class</c>); empty means the default <c>alb</c>.</param>
    /// <param name="requireIngresses">Check the rollout's ingresses even when none were given (plan needs them).</param>
    public static IReadOnlyList<ValidationProblem> Run(LoadedManifests manifests, IReadOnlyList<string> albClasses, bool requireIngresses)
    {
        var problems = new List<ValidationProblem>(manifests.Problems);
        if (manifests.Rollout is not { } read)
        {
            return problems;
        }

        problems.AddRange(read.Problems);
        var classes = albClasses.Count == 0 ? IngressChecks.DefaultAlbClasses : albClasses;
        if (requireIngresses || manifests.Ingresses.Count > 0)
        {
            problems.AddRange(IngressChecks.Check(read.Rollout, manifests.Ingresses, classes));
        }

        if (manifests.Services.Count > 0)
        {
            problems.AddRange(ServiceChecks.Check(read.Rollout, manifests.Services));
        }

        return problems;
    }

    /// <summary>Prints one <c>path: message</c> line per problem.</summary>
    public static void Print(TextWriter error, IEnumerable<ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem.ToString());
        }
    }
}
