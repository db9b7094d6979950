namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>
/// <c>rollouts validate -f ROLLOUT [--ingress INGRESS]... [--alb-ingress-class CLASS]...</c>: prints
/// <c>valid</c> and exits 0, or prints one <c>path: message</c> line per problem on stderr and exits 2.
/// </summary>
public static class ValidateCommand
{
    /// <param name="stdin">Where <c>-f -</c> reads from; the console when null (tests pass a reader).</param>
    public static Command Create(TextReader? stdin = null)
    {
        var file = CliOptions.RolloutFile();
        var ingresses = CliOptions.IngressFiles(required: false);
        var classes = CliOptions.AlbIngressClasses();
        var command = new Command("validate", "Check a Rollout manifest (and its Ingresses and Services) without touching a cluster.") { file, ingresses, classes };
        command.SetAction(parse =>
        {
            var io = parse.InvocationConfiguration;
            var manifests = ManifestLoader.Load(parse.GetValue(file)!, parse.GetValue(ingresses) ?? [], stdin ?? Console.In);
            var problems = ManifestChecks.Run(manifests, parse.GetValue(classes) ?? [], requireIngresses: false);
            if (problems.Count > 0)
            {
                ManifestChecks.Print(io.Error, problems);
                return CliExitCodes.Invalid;
            }

            io.Output.WriteLine("valid");
            return CliExitCodes.Success;
        });
        return command;
    }
}
