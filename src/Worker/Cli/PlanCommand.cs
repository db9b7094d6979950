namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// <c>rollouts plan -f ROLLOUT --ingress INGRESS... [--stable-ping-pong ping|pong] [--output text|json]</c>:
/// prints the annotations every ingress will carry at the start and after each step. Invalid input
/// behaves as in <c>validate</c> (stderr, exit 2).
/// </summary>
public static class PlanCommand
{
    /// <param name="stdin">Where <c>-f -</c> reads from; the console when null (tests pass a reader).</param>
    public static Command Create(TextReader? stdin = null)
    {
        var file = CliOptions.RolloutFile();
        var ingresses = CliOptions.IngressFiles(required: false);
        var classes = CliOptions.AlbIngressClasses();
        var pingPong = new Option<string>("--stable-ping-pong")
        {
            Description = "Which ping-pong Service is stable now (status.canary.stablePingPong); default ping.",
            DefaultValueFactory = _ => AlbServiceNames.Ping,
        };
        pingPong.AcceptOnlyFromAmong(AlbServiceNames.Ping, AlbServiceNames.Pong);
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");

        var command = new Command("plan", "Show the ALB annotations each Ingress will carry at each step of a canary update.") { file, ingresses, classes, pingPong, output };
        command.SetAction(parse =>
        {
            var io = parse.InvocationConfiguration;
            var manifests = ManifestLoader.Load(parse.GetValue(file)!, parse.GetValue(ingresses) ?? [], stdin ?? Console.In);
            var problems = ManifestChecks.Run(manifests, parse.GetValue(classes) ?? [], requireIngresses: true).ToList();
            if (problems.Count == 0 && manifests.Rollout!.Rollout.Strategy.Canary is null)
            {
                problems.Add(new ValidationProblem("spec.strategy.blueGreen",
                    "plan shows the ALB action annotations of canary rollouts; blue-green switches Service selectors and writes none"));
            }

            if (problems.Count > 0)
            {
                ManifestChecks.Print(io.Error, problems);
                return CliExitCodes.Invalid;
            }

            var (entries, planProblems) = PlanTimeline.Compute(manifests.Rollout!.Rollout, manifests.Ingresses, parse.GetValue(pingPong)!);
            if (planProblems.Count > 0)
            {
                ManifestChecks.Print(io.Error, planProblems);
                return CliExitCodes.Invalid;
            }

            if (parse.GetValue(output) == "json")
            {
                PlanPrinter.WriteJson(io.Output, entries);
            }
            else
            {
                PlanPrinter.WriteText(io.Output, entries);
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}
