namespace RolloutWorkflows.Tests.Cli;

using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RolloutWorkflows.Tests.Support;
using RolloutWorkflows.Worker.Cli;

/// <summary>
/// `rollouts sandbox` run in-process on free ports, driven from outside as a user would: the real kubectl
/// with the written kubeconfig, the real AWS CLI with the printed environment, and the LBC simulator between them.
/// </summary>
public sealed partial class SandboxCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string directory = Directory.CreateTempSubdirectory("rollouts-sandbox-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Sandbox_KubePortZero_WritesKubeconfigThatKubectlUsesAndExitsZeroOnCancel()
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        await using var sandbox = Running.Start("sandbox", "--kube-port", "0", "--kubeconfig", kubeconfig);
        var printed = await sandbox.WaitForAsync("Press Ctrl+C to stop.");

        var applied = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "apply", "-f", RepoFiles.PathOf("examples/services.yaml"));
        var services = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "get", "services");
        var exit = await sandbox.StopAsync();

        var server = KubeServer().Match(printed).Groups["url"].Value;
        Assert.Contains($"server: {server}", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Contains("service/web-canary created", applied.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^web-stable\s+ClusterIP\s", services.Output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Sandbox_KubeAndElbv2PortsZero_AppliedAlbIngressShowsUpAsLoadBalancerInAwsCli()
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        await using var sandbox = Running.Start("sandbox", "--kube-port", "0", "--elbv2-port", "0", "--kubeconfig", kubeconfig);
        var printed = await sandbox.WaitForAsync("Press Ctrl+C to stop.");
        var environment = ExportLine().Matches(printed).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        var endpoint = environment["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"];

        var before = await AwsAsync(environment, endpoint, "describe-load-balancers");
        var applied = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "apply", "-f", RepoFiles.PathOf("examples/services.yaml"), "-f", RepoFiles.PathOf("examples/ingress.yaml"));
        var hostname = await IngressHostnameAsync(kubeconfig);
        var after = await AwsAsync(environment, endpoint, "describe-load-balancers");
        var exit = await sandbox.StopAsync();

        Assert.Contains("LBC simulator reconciling ALB Ingresses", printed, StringComparison.Ordinal);
        Assert.Equal("us-west-2", environment["AWS_DEFAULT_REGION"]);
        Assert.Empty(before.RootElement.GetProperty("LoadBalancers").EnumerateArray());
        Assert.True(applied.ExitCode == 0, applied.Error);
        var balancer = Assert.Single(after.RootElement.GetProperty("LoadBalancers").EnumerateArray());
        Assert.Equal(hostname, balancer.GetProperty("DNSName").GetString());
        Assert.Equal(("application", "internet-facing"), (balancer.GetProperty("Type").GetString(), balancer.GetProperty("Scheme").GetString()));
        Assert.StartsWith("k8s-default-web-", balancer.GetProperty("LoadBalancerName").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Sandbox_SeedExample_ExampleServicesIngressesAndStableReplicaSetsExistForKubectl()
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        await using var sandbox = Running.Start("sandbox", "--kube-port", "0", "--kubeconfig", kubeconfig, "--seed", "example");
        var printed = await sandbox.WaitForAsync("Press Ctrl+C to stop.");

        var ingresses = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "get", "ingress", "-o", "name");
        var services = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "get", "services", "-o", "name");
        var replicaSets = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "get", "replicasets", "-l", "rollouts-pod-template-hash", "-o", "name");
        await sandbox.StopAsync();

        Assert.Contains("seeded Ingress/default/web", printed, StringComparison.Ordinal);
        Assert.Equal(["ingress.networking.k8s.io/web", "ingress.networking.k8s.io/web-bg", "ingress.networking.k8s.io/web-pp"], ingresses.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        foreach (var service in new[] { "web-stable", "web-canary", "web-ping", "web-pong", "web-root", "web-active", "web-preview" })
        {
            Assert.Contains($"service/{service}", services.Output, StringComparison.Ordinal);
        }

        // One ReplicaSet per example Rollout, named by its pod-template hash, as the rollout itself names them.
        var names = replicaSets.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, names.Length);
        Assert.Contains(names, n => n.StartsWith("replicaset.apps/web-", StringComparison.Ordinal) && !n.Contains("-pp-", StringComparison.Ordinal) && !n.Contains("-bg-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("replicaset.apps/web-pp-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("replicaset.apps/web-bg-", StringComparison.Ordinal));
        Assert.Contains("seeded ReplicaSet/default/web-", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_SeedWithoutKubePort_ExitsTwoSayingWhatIsNeeded()
    {
        await using var sandbox = Running.Start("sandbox", "--temporal-port", "0", "--seed", "example");

        var exit = await sandbox.WaitForExitAsync();

        Assert.Equal(2, exit);
        Assert.Contains("--seed example needs --kube-port", sandbox.Errors, StringComparison.Ordinal);
    }

    /// <summary>Polls kubectl until the LBC simulator has written the ALB's DNS name into the Ingress status.</summary>
    private static async Task<string> IngressHostnameAsync(string kubeconfig)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var read = await RunAsync("kubectl", NoEnvironment, "--kubeconfig", kubeconfig, "get", "ingress", "web", "-o", "jsonpath={.status.loadBalancer.ingress[0].hostname}");
            if (read.ExitCode == 0 && read.Output.Trim().Length > 0)
            {
                return read.Output.Trim();
            }

            Assert.True(DateTime.UtcNow < deadline, $"the Ingress got no load balancer hostname within {Patience}: {read.Error}");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonDocument> AwsAsync(IReadOnlyDictionary<string, string> environment, string endpoint, string operation)
    {
        var isolated = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_MAX_ATTEMPTS"] = "1",
        };
        var result = await RunAsync("aws", isolated, "--endpoint-url", endpoint, "--output", "json", "elbv2", operation);
        Assert.True(result.ExitCode == 0, $"aws elbv2 {operation}: {result.Error}");
        return JsonDocument.Parse(result.Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        Assert.True(executable is not null, $"'{tool}' is required by this test and is not on PATH: install it (kubectl: apt package kubectl; aws: pip install awscli)");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"Kubernetes sandbox listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex KubeServer();

    [GeneratedRegex(@"^\s*export (?<name>[A-Z0-9_]+)=(?<value>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();

    /// <summary>The command running in-process with its output captured, stopped by cancellation as Ctrl+C would.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly LockedWriter output = new();
        private readonly LockedWriter error = new();
        private Task<int> run = Task.FromResult(-1);

        public static Running Start(params string[] args)
        {
            var running = new Running();
            var configuration = new InvocationConfiguration { Output = running.output, Error = running.error };
            running.run = Task.Run(() => RolloutsCli.Build().Parse(args).InvokeAsync(configuration, running.stop.Token));
            return running;
        }

        /// <summary>Waits until the output contains <paramref name="text"/>; returns the output so far.</summary>
        public async Task<string> WaitForAsync(string text)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!output.Text.Contains(text, StringComparison.Ordinal))
            {
                if (run.IsCompleted)
                {
                    Assert.Fail($"rollouts sandbox ended early (exit {await run}): {output.Text}{error.Text}");
                }

                Assert.True(DateTime.UtcNow < deadline, $"rollouts sandbox did not print \"{text}\" within {Patience}: {output.Text}{error.Text}");
                await Task.Delay(20);
            }

            return output.Text;
        }

        public string Errors => error.Text;

        public Task<int> WaitForExitAsync() => run.WaitAsync(Patience);

        public async Task<int> StopAsync()
        {
            await stop.CancelAsync();
            return await run.WaitAsync(Patience);
        }

        public async ValueTask DisposeAsync()
        {
            if (!run.IsCompleted)
            {
                await StopAsync();
            }

            stop.Dispose();
            output.Dispose();
            error.Dispose();
        }
    }

    /// <summary>A writer the command writes to while the test reads it.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly Lock gate = new();
        private readonly StringBuilder text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (gate)
            {
                text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (gate)
            {
                text.Append(value);
            }
        }
    }
}
