namespace RolloutWorkflows.Worker.Hosting;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Activities.Aws;
using RolloutWorkflows.Activities.Kubernetes;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Workflows.Rollout;
using Temporalio.Extensions.Hosting;

/// <summary>
/// The worker process: a generic host running the Temporal worker (rollout workflow + activities over the real
/// Kubernetes and ELBv2 clients) and the probe endpoints. Everything it reaches comes from configuration, so the
/// same host runs against a real cluster or the sandbox.
/// </summary>
public static class RolloutWorkerHost
{
    /// <summary>Checks every section the worker reads; the problems name the setting and the fix.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        problems.AddRange(RolloutsConfiguration.Get<TemporalSettings>(configuration, TemporalSettings.SectionName).Validate());
        problems.AddRange(RolloutsConfiguration.Get<HealthSettings>(configuration, HealthSettings.SectionName).Validate());
        var kubernetes = RolloutsConfiguration.Get<KubernetesOptions>(configuration, KubernetesOptions.SectionName);
        if (kubernetes.Kubeconfig is { Length: > 0 } path && !File.Exists(path))
        {
            problems.Add($"{KubernetesOptions.SectionName}:Kubeconfig '{path}' does not exist; give a kubeconfig file, or leave it empty for in-cluster / ~/.kube/config.");
        }

        try
        {
            RolloutsConfiguration.Get<Elbv2ClientOptions>(configuration, Elbv2ClientOptions.SectionName).Validate();
        }
        catch (ArgumentException error)
        {
            problems.Add(error.Message);
        }

        return problems;
    }

    /// <summary>Builds the host; throws <see cref="WorkerConfigurationException"/> before anything starts when the configuration is unusable.</summary>
    public static WebApplication Build(IConfiguration configuration, Action<ILoggingBuilder>? logging = null)
    {
        var problems = Validate(configuration);
        if (problems.Count > 0)
        {
            throw new WorkerConfigurationException(problems);
        }

        var temporal = RolloutsConfiguration.Get<TemporalSettings>(configuration, TemporalSettings.SectionName);
        var health = RolloutsConfiguration.Get<HealthSettings>(configuration, HealthSettings.SectionName);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        // The .NET convention for log settings (Logging:LogLevel:*, Logging:Console:FormatterName=json for one JSON
        // object per line, as log collectors on EKS expect), read from the same configuration chain as everything else.
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        if (string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole();
        }

        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls($"http://{health.BindAddress}:{health.Port}");

        builder.Services.Configure<KubernetesOptions>(configuration.GetSection(KubernetesOptions.SectionName));
        builder.Services.AddKubernetesGateways();
        builder.Services.AddElbv2Client(configuration.GetSection(Elbv2ClientOptions.SectionName));
        builder.Services.Configure<AlbIngressClassOptions>(configuration.GetSection(AlbIngressClassOptions.SectionName));
        builder.Services.Configure<VerificationPolicyOptions>(configuration.GetSection(VerificationPolicyOptions.SectionName));
        builder.Services.AddRolloutActivities();
        builder.Services.AddTemporalClient(options =>
        {
            var connect = temporal.ToConnectOptions();
            options.TargetHost = connect.TargetHost;
            options.Namespace = connect.Namespace;
            options.Tls = connect.Tls;
            options.ApiKey = connect.ApiKey;
        });
        // On SIGTERM running activities get most of the host's 30 s to finish (a verification poll, a patch) before
        // they are cancelled; whatever is cut short is retried by the next worker from the workflow's history.
        var worker = builder.Services.AddHostedTemporalWorker(temporal.TaskQueue)
            .ConfigureOptions(options => options.GracefulShutdownTimeout = TimeSpan.FromSeconds(25))
            .AddWorkflow<RolloutWorkflow>();
        foreach (var type in RolloutActivitiesServiceCollectionExtensions.ActivityTypes)
        {
            worker.AddSingletonActivities(type);
        }

        builder.Services.AddHealthChecks().AddCheck<TemporalReadinessCheck>("temporal", tags: ["ready"]);
        var app = builder.Build();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
