namespace RolloutWorkflows.EndToEnd.Tests.Hosting;

using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Worker.Cli;
using RolloutWorkflows.Worker.Hosting;

/// <summary>The `rollouts worker` host: configuration checked before anything starts, probes for Kubernetes.</summary>
public sealed class WorkerHostTests
{
    [Fact]
    public async Task Worker_InvalidSettings_ExitsTwoNamingEverySettingAndTheFix()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RolloutsCli.Build()
            .Parse(["worker", "--address", "no-port-here", "--kubeconfig", "/nonexistent/kubeconfig", "--aws-endpoint", "not a url", "--health-port", "70000"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(CliExitCodes.Invalid, exit);
        var text = error.ToString();
        Assert.Contains("Temporal:Address 'no-port-here' is not host:port", text, StringComparison.Ordinal);
        Assert.Contains("Kubernetes:Kubeconfig '/nonexistent/kubeconfig' does not exist", text, StringComparison.Ordinal);
        Assert.Contains("Aws:Elbv2:Endpoint 'not a url'", text, StringComparison.Ordinal);
        Assert.Contains("Health:Port 70000", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker", "--tls", "maybe", "Temporal:Tls")]
    [InlineData("worker", "--health-port", "abc", "Health:Port")]
    [InlineData("status", "--tls", "maybe", "Temporal:Tls")]
    public async Task Command_UnconvertibleSetting_ExitsTwoNamingTheKeyWithoutAStackTrace(string command, string flag, string value, string key)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = command == "status" ? ["status", "web", flag, value] : [command, flag, value];

        var exit = await RolloutsCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(CliExitCodes.Invalid, exit);
        Assert.Contains($"rollouts {command}: invalid configuration", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"'{value}' at '{key}'", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_MtlsFlags_ReachTheTemporalSettingsAndAreChecked()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RolloutsCli.Build()
            .Parse(["worker", "--tls-cert-path", "/nonexistent/client.pem", "--tls-ca-path", "/nonexistent/ca.pem", "--health-port", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(CliExitCodes.Invalid, exit);
        Assert.Contains("TlsClientCertPath and Temporal:TlsClientKeyPath go together", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Worker_AlbIngressClassesAsArgoSpellsIt_IsTheSameOption()
    {
        var parsed = RolloutsCli.Build().Parse(["worker", "--alb-ingress-classes", "alb-internal", "--alb-ingress-class", ""]);

        Assert.Empty(parsed.Errors);
        var option = parsed.CommandResult.Command.Options.OfType<Option<string[]>>().Single(o => o.Name == "--alb-ingress-class");
        Assert.Equal(["alb-internal", ""], parsed.GetValue(option) ?? []);
    }

    [Fact]
    public async Task Worker_TemporalUnreachable_ExitsThreeNamingTheFailure()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RolloutsCli.Build()
            .Parse(["worker", "--address", "127.0.0.1:1", "--health-port", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(CliExitCodes.Unavailable, exit);
        Assert.Contains("rollouts worker: stopped because the Temporal worker failed: Connection failed", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_JsonConsoleFormatterConfigured_LogsAsJsonLines()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Health:Port"] = "0",
        }).Build();
        await using var app = RolloutWorkerHost.Build(configuration);

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal("json", options.FormatterName);
    }

    [Fact]
    public async Task Host_AlbIngressClassesConfigured_ReachTheReferenceCheckIncludingTheEmptyClass()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rollouts:AlbIngressClasses:0"] = "alb-internal",
            ["Rollouts:AlbIngressClasses:1"] = "",
            ["Health:Port"] = "0",
        }).Build();
        await using var app = RolloutWorkerHost.Build(configuration, logging => logging.ClearProviders());

        var classes = app.Services.GetRequiredService<RolloutWorkflows.Activities.Alb.AlbIngressClassOptions>().Effective;

        Assert.Equal(["alb-internal", ""], classes);
    }

    [Fact]
    public async Task Host_VerifyTargetGroupsConfigured_ReachesTheReferenceCheckAsARequirement()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rollouts:VerifyTargetGroups"] = "true",
            ["Health:Port"] = "0",
        }).Build();
        await using var app = RolloutWorkerHost.Build(configuration, logging => logging.ClearProviders());

        var policy = app.Services.GetRequiredService<RolloutWorkflows.Activities.Rollout.VerificationPolicyOptions>();

        Assert.True(policy.VerifyTargetGroups);
    }

    [Fact]
    public void Validate_MtlsCertificateWithoutKey_NamesBothSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Temporal:TlsClientCertPath"] = typeof(WorkerHostTests).Assembly.Location,
        }).Build();

        var problems = RolloutWorkerHost.Validate(configuration);

        Assert.Contains(problems, p => p.Contains("TlsClientCertPath and Temporal:TlsClientKeyPath go together", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_ConnectedToTemporal_LiveAndReadyProbesAnswer200()
    {
        await using var temporal = await TemporalSandboxServer.StartAsync(new TemporalSandboxOptions(), CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Temporal:Address"] = temporal.Target,
            ["Temporal:TaskQueue"] = "probe-test",
            ["Health:Port"] = "0",
            ["Health:BindAddress"] = "127.0.0.1",
        }).Build();
        await using var app = RolloutWorkerHost.Build(configuration, logging => logging.ClearProviders());
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative));
            var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            var check = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, string.Join("; ", check.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Description}")));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
