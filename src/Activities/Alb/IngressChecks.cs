namespace RolloutWorkflows.Activities.Alb;

using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// Checks the Ingresses a canary rollout names (issue item 4), beyond what Argo checks: the action
/// Service must be a rule backend with port <c>use-annotation</c> (Argo checks only the name, F7/F8),
/// the ingress class must be an ALB class (Argo never checks it for SetWeight, F15), and no other
/// rollout may already manage the same action key (Argo does not detect it). Every failure names the
/// ingress and the fix; all problems are reported at once.
/// </summary>
public static class IngressChecks
{
    /// <summary>The default <c>--alb-ingress-class</c> list.</summary>
    public static IReadOnlyList<string> DefaultAlbClasses { get; } = ["alb"];

    /// <param name="rollout">The rollout; rollouts without ALB routing need no ingress and get no problems.</param>
    /// <param name="ingresses">The Ingresses available; every one the rollout names must be among them.</param>
    /// <param name="albClasses">Accepted classes; the empty string accepts ingresses without a class.</param>
    public static IReadOnlyList<ValidationProblem> Check(Rollout rollout, IReadOnlyList<AlbIngress> ingresses, IReadOnlyCollection<string> albClasses)
    {
        var problems = new List<ValidationProblem>();
        var canary = rollout.Strategy.Canary;
        var alb = canary?.GetAlb();
        var actionService = canary?.GetActionService();
        if (canary is null || alb is null || string.IsNullOrEmpty(actionService))
        {
            return problems;
        }

        var actionKey = AlbActionRenderer.ActionKey(alb.EffectiveAnnotationPrefix(), actionService);
        var names = alb.GetIngressNames();
        for (var i = 0; i < names.Count; i++)
        {
            var field = alb.Ingresses is null ? "spec.strategy.canary.trafficRouting.alb.ingress" : $"spec.strategy.canary.trafficRouting.alb.ingresses[{i}]";
            var ingress = ingresses.FirstOrDefault(x => x.Name == names[i]);
            if (ingress is null)
            {
                problems.Add(new(field, $"Ingress \"{names[i]}\" not found among the given Ingress documents: add it (--ingress FILE) or fix the name"));
                continue;
            }

            CheckOne(problems, rollout, ingress, actionService, actionKey, albClasses);
        }

        return problems;
    }

    /// <summary>
    /// Checks one Ingress the rollout names (API version, namespace, use-annotation backend, class,
    /// bookkeeping); for activities that read Ingresses one by one before writing to them.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> CheckIngress(Rollout rollout, AlbIngress ingress, IReadOnlyCollection<string> albClasses)
    {
        var problems = new List<ValidationProblem>();
        var canary = rollout.Strategy.Canary;
        var alb = canary?.GetAlb();
        if (canary?.GetActionService() is { Length: > 0 } actionService && alb is not null)
        {
            CheckOne(problems, rollout, ingress, actionService, AlbActionRenderer.ActionKey(alb.EffectiveAnnotationPrefix(), actionService), albClasses);
        }

        return problems;
    }

    /// <summary>
    /// What the worker checks on an Ingress before a revision writes anything (it knows the rollout by name and
    /// the action it will write, not the manifest): the action Service is a rule backend with port
    /// <c>use-annotation</c>, the Ingress is of a class the LBC serves (the worker's <c>--alb-ingress-class</c>),
    /// the bookkeeping is readable, and no other rollout manages the action key.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> CheckForWrite(AlbIngress ingress, string rolloutName, string actionService, string actionKey, IReadOnlyCollection<string> albClasses)
    {
        var problems = new List<ValidationProblem>();
        CheckBackend(problems, ingress, actionService, actionKey);
        CheckClass(problems, ingress, albClasses);
        CheckOwner(problems, ingress, rolloutName, actionKey);
        return problems;
    }

    private static void CheckOne(List<ValidationProblem> problems, Rollout rollout, AlbIngress ingress, string actionService, string actionKey, IReadOnlyCollection<string> albClasses)
    {
        if (!AlbIngress.SupportedApiVersions.Contains(ingress.ApiVersion))
        {
            problems.Add(new(ingress.PathOf("apiVersion"), $"\"{ingress.ApiVersion}\" is not an Ingress API version rollouts reads; use networking.k8s.io/v1"));
        }

        if (!string.IsNullOrEmpty(ingress.Namespace) && ingress.Namespace != rollout.GetNamespace())
        {
            problems.Add(new(ingress.PathOf("metadata.namespace"), $"the Ingress is in namespace \"{ingress.Namespace}\" but the Rollout in \"{rollout.GetNamespace()}\"; they must share a namespace"));
        }

        CheckBackend(problems, ingress, actionService, actionKey);
        CheckClass(problems, ingress, albClasses);
        CheckOwner(problems, ingress, rollout.Metadata.Name ?? "", actionKey);
    }

    private static void CheckOwner(List<ValidationProblem> problems, AlbIngress ingress, string rolloutName, string actionKey)
    {
        try
        {
            var map = ManagedAnnotations.Parse(ingress.Annotations, ingress.Name);
            if (ManagedAnnotations.FindOtherOwner(map, actionKey, rolloutName) is { } owner)
            {
                problems.Add(new(ManagedAnnotations.PathOf(ingress.Name),
                    $"action {actionKey} is already managed by rollout \"{owner}\"; two rollouts cannot share one action: give this rollout its own stable (or root) Service"));
            }
        }
        catch (AlbAnnotationException ex)
        {
            problems.Add(new(ex.Path, ex.Problem));
        }
    }

    private static void CheckBackend(List<ValidationProblem> problems, AlbIngress ingress, string actionService, string actionKey)
    {
        var matching = ingress.Backends.Where(b => b.ServiceName == actionService).ToList();
        if (matching.Count == 0)
        {
            problems.Add(new(ingress.PathOf("spec.rules"),
                $"no rule path has backend Service \"{actionService}\" (the rollout's rootService, else stableService); add a path with backend service {actionService} and port name use-annotation"));
        }
        else if (!matching.Any(b => b.UsesAnnotation))
        {
            var bad = matching[0];
            problems.Add(new(ingress.PathOf(bad.PortPath),
                $"must be the port name use-annotation (got {bad.DescribePort()}), or the AWS Load Balancer Controller ignores the action annotation {actionKey}"));
        }
    }

    private static void CheckClass(List<ValidationProblem> problems, AlbIngress ingress, IReadOnlyCollection<string> albClasses)
    {
        var configured = string.Join(", ", albClasses.Select(c => c.Length == 0 ? "'' (no class)" : c));
        if (ingress.IngressClass is null)
        {
            if (!albClasses.Contains(""))
            {
                problems.Add(new(ingress.PathOf("spec.ingressClassName"),
                    $"the Ingress has no class; set spec.ingressClassName: alb, or pass --alb-ingress-class '' to accept ingresses without a class (configured: {configured})"));
            }
        }
        else if (!albClasses.Contains(ingress.IngressClass))
        {
            problems.Add(new(ingress.PathOf(ingress.ClassSource!),
                $"class \"{ingress.IngressClass}\" is not an ALB ingress class (configured: {configured}); use an ALB class or pass --alb-ingress-class {ingress.IngressClass}"));
        }
    }
}
