namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RolloutWorkflows.Worker.Hosting;

/// <summary>
/// `rollouts worker`: runs the Temporal worker (rollout workflow and activities) with probe endpoints until
/// SIGTERM / Ctrl+C. Flags override appsettings.json and environment variables.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var flags = new (Option<string> Option, string Key)[]
        {
            (new Option<string>("--address") { Description = "Temporal frontend host:port (Temporal:Address, TEMPORAL_ADDRESS; default localhost:7233)." }, "Temporal:Address"),
            (new Option<string>("--temporal-namespace") { Description = "Temporal namespace (Temporal:Namespace, TEMPORAL_NAMESPACE; default default)." }, "Temporal:Namespace"),
            (new Option<string>("--task-queue") { Description = "Task queue to poll (Temporal:TaskQueue; default rollouts)." }, "Temporal:TaskQueue"),
            (new Option<string>("--api-key") { Description = "Temporal API key (Temporal:ApiKey, TEMPORAL_API_KEY); implies TLS." }, "Temporal:ApiKey"),
            (new Option<string>("--kubeconfig") { Description = "Kubeconfig file (Kubernetes:Kubeconfig); default: in-cluster, else KUBECONFIG or ~/.kube/config." }, "Kubernetes:Kubeconfig"),
            (new Option<string>("--context") { Description = "Kubeconfig context (Kubernetes:Context)." }, "Kubernetes:Context"),
            (new Option<string>("--target-group-binding-api-version") { Description = "TargetGroupBinding group/version (Kubernetes:TargetGroupBindingApiVersion; eks.amazonaws.com/v1 on EKS Auto Mode)." }, "Kubernetes:TargetGroupBindingApiVersion"),
            (new Option<string>("--aws-region") { Description = "AWS region (Aws:Elbv2:Region; default: the SDK chain, AWS_REGION)." }, "Aws:Elbv2:Region"),
            (new Option<string>("--aws-endpoint") { Description = "ELBv2 endpoint URL (Aws:Elbv2:Endpoint, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2)." }, "Aws:Elbv2:Endpoint"),
            (new Option<string>("--health-port") { Description = "Port of /healthz/live and /healthz/ready (Health:Port; default 8081, 0 picks a free port)." }, "Health:Port"),
        };
        var command = new Command("worker", "Run the rollout worker: polls Temporal and drives Kubernetes and ELBv2 until stopped.");
        foreach (var (option, _) in flags)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = flags
                .Where(f => parseResult.GetValue(f.Option) is not null)
                .Select(f => KeyValuePair.Create(f.Key, parseResult.GetValue(f.Option)))
                .ToList();
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
            await app.RunAsync(cancellationToken);
        }

        return CliExitCodes.Success;
    }
}
