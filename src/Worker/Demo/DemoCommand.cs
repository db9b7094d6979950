namespace RolloutWorkflows.Worker.Demo;

using System.CommandLine;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Worker.Cli;
using Spectre.Console;

/// <summary>
/// `rollouts demo`: the whole product on the embedded sandbox, nothing installed. Exit code 0 only when the
/// scenario reached its expected end and no synthetic request failed.
/// </summary>
public static class DemoCommand
{
    /// <summary>Exit code when the scenario ran but did not end as expected, or a request failed.</summary>
    public const int ScenarioFailed = 1;

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "What to show: canary (default), pingpong, bluegreen or abort.",
            DefaultValueFactory = _ => "canary",
        };
        scenario.AcceptOnlyFromAmong("canary", "pingpong", "bluegreen", "abort");
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (default: live view on a terminal, lines otherwise) or json (the summary as one JSON object on stdout; logs on stderr).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var fast = new Option<bool>("--fast") { Description = "Skip time: pauses and delays pass at once (verification still waits for the simulated load balancer)." };
        var rate = new Option<double>("--requests-per-second") { Description = "Synthetic requests per second through the emulated ALB (default 100).", DefaultValueFactory = _ => 100 };
        var command = new Command("demo", "Run a whole rollout on the embedded sandbox (Temporal, Kubernetes, ELBv2, LBC, traffic) and summarise it.");
        command.Options.Add(scenario);
        command.Options.Add(output);
        command.Options.Add(fast);
        command.Options.Add(rate);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var requests = parseResult.GetValue(rate);
            if (requests is <= 0 or > 10_000)
            {
                await stderr.WriteLineAsync($"--requests-per-second {requests} must be between 1 and 10000.");
                return CliExitCodes.Invalid;
            }

            var options = new DemoOptions
            {
                Scenario = Enum.Parse<DemoScenario>(parseResult.GetValue(scenario)!, ignoreCase: true),
                Fast = parseResult.GetValue(fast),
                RequestsPerSecond = requests,
            };
            var json = parseResult.GetValue(output) == "json";
            var interactive = !json && stdout == Console.Out && !Console.IsOutputRedirected;
            return await RunAsync(options, json, interactive, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the demo with the chosen view; returns the exit code.</summary>
    public static async Task<int> RunAsync(DemoOptions options, bool json, bool interactive, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        DemoSummary summary;
        try
        {
            if (interactive)
            {
                var live = new LiveDemoProgress();
                summary = await AnsiConsole.Live(live.Render()).AutoClear(false).StartAsync(async context =>
                {
                    live.Refresh = () =>
                    {
                        context.UpdateTarget(live.Render());
                        context.Refresh();
                    };
                    return await new DemoRunner(options, live).RunAsync(cancellationToken);
                });
            }
            else
            {
                var progress = new PlainDemoProgress(json ? null : stdout);
                summary = await new DemoRunner(options, progress, logging => StderrLogs(logging, stderr)).RunAsync(cancellationToken);
            }
        }
        catch (TimeoutException error)
        {
            await stderr.WriteLineAsync("rollouts demo: " + error.Message);
            return ScenarioFailed;
        }

        if (json)
        {
            await stdout.WriteLineAsync(DemoReport.ToJson(summary));
        }
        else
        {
            DemoReport.WriteText(summary, stdout);
        }

        return summary.Succeeded ? CliExitCodes.Success : ScenarioFailed;
    }

    // Warnings and errors of the worker, one line each, on the error stream (stdout stays the summary).
    private static void StderrLogs(ILoggingBuilder logging, TextWriter stderr) => logging.AddProvider(new TextWriterLoggerProvider(stderr, LogLevel.Warning));
}
