namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolloutWorkflows.Worker.Hosting;

/// <summary>
/// `rollouts worker`: runs the Temporal worker (rollout workflow and activities) with probe endpoints until
/// SIGTERM / Ctrl+C. Flags override appsettings.json and environment variables.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var flags = new ConfigFlags().WithTemporal().WithKubernetes()
            .Add("--target-group-binding-api-version", "Kubernetes:TargetGroupBindingApiVersion", "TargetGroupBinding group/version (Kubernetes:TargetGroupBindingApiVersion; eks.amazonaws.com/v1 on EKS Auto Mode).")
            .Add("--aws-region", "Aws:Elbv2:Region", "AWS region (Aws:Elbv2:Region; default: the SDK chain, AWS_REGION).")
            .Add("--aws-endpoint", "Aws:Elbv2:Endpoint", "ELBv2 endpoint URL (Aws:Elbv2:Endpoint, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2).")
            .Add("--health-port", "Health:Port", "Port of /healthz/live and /healthz/ready (Health:Port; default 8081, 0 picks a free port).");
        var classes = CliOptions.AlbIngressClasses();
        classes.Description = "An ingress class the AWS Load Balancer Controller serves (repeatable; Rollouts:AlbIngressClasses; default alb; '' accepts ingresses without a class). The worker refuses to write actions on Ingresses of other classes.";
        var verify = new Option<bool>("--aws-verify-target-group")
        {
            Description = "Require target-group verification (Rollouts:VerifyTargetGroups): a revision deployed without `deploy --aws-verify-target-group` is refused before anything is written.",
        };
        var command = new Command("worker", "Run the rollout worker: polls Temporal and drives Kubernetes and ELBv2 until stopped.") { classes, verify };
        flags.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = flags.Overrides(parseResult).ToList();
            var given = parseResult.GetValue(classes) ?? [];
            overrides.AddRange(given.Select((value, i) => KeyValuePair.Create($"Rollouts:AlbIngressClasses:{i}", (string?)value)));
            if (parseResult.GetValue(verify))
            {
                overrides.Add(KeyValuePair.Create("Rollouts:VerifyTargetGroups", (string?)"true"));
            }

            return await RunAsync(RolloutsConfiguration.Build(overrides), parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the worker host until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = RolloutWorkerHost.Build(configuration);
        }
        catch (WorkerConfigurationException invalid)
        {
            await error.WriteLineAsync("rollouts worker: " + invalid.Message);
            return CliExitCodes.Invalid;
        }

        await using (app)
        {
            // The host also stops when the Temporal worker dies (e.g. the server is unreachable): that is a failure,
            // and a process supervisor must see it as one. (RunAsync disposes the services: take them first.)
            var services = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
            await app.RunAsync(cancellationToken);
            var failure = services
                .Select(service => service.ExecuteTask?.Exception?.GetBaseException())
                .FirstOrDefault(e => e is not null);
            if (failure is not null)
            {
                await error.WriteLineAsync($"rollouts worker: stopped because the Temporal worker failed: {failure.Message}");
                return CliExitCodes.Unavailable;
            }
        }

        return CliExitCodes.Success;
    }
}
