namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>Options shared by several commands, so they read the same everywhere.</summary>
public static class CliOptions
{
    public static Option<string> RolloutFile() => new("--filename", "-f")
    {
        Description = "The Rollout manifest (YAML or JSON; '-' reads stdin). It may also hold Ingresses and Services.",
        Required = true,
    };

    public static Option<string[]> IngressFiles(bool required) => new("--ingress")
    {
        Description = "A file with the Ingress(es) the Rollout names (repeatable).",
        Required = required,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
    };

    public static Option<string[]> AlbIngressClasses() => new("--alb-ingress-class", "--alb-ingress-classes")
    {
        Description = "An ingress class served by the AWS Load Balancer Controller (repeatable; default alb; '' accepts ingresses without a class).",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
