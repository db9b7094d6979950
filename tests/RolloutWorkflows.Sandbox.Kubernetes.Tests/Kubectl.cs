namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using System.Diagnostics;
using System.Text;

/// <summary>
/// Runs the real kubectl against a sandbox on loopback. kubectl ships on the CI image at /usr/bin/kubectl;
/// when it is missing the tests fail with a message that says so, never skip silently.
/// </summary>
internal sealed class Kubectl : IAsyncDisposable
{
    private static string Binary => "/usr/bin/kubectl";

    private readonly string kubeconfig;

    private Kubectl(KubernetesSandbox sandbox, string kubeconfig)
    {
        Sandbox = sandbox;
        this.kubeconfig = kubeconfig;
    }

    public KubernetesSandbox Sandbox { get; }

    public static async Task<Kubectl> StartAsync()
    {
        Assert.True(File.Exists(Binary), $"kubectl is required by these tests and was not found at {Binary}; install it (apt package kubectl) on the test machine");
        var sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { ControllerInterval = TimeSpan.FromMilliseconds(20) });
        await sandbox.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        sandbox.WriteKubeconfig(path, Objects.Ns);
        return new Kubectl(sandbox, path);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var process = Launch(args);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Starts a long-running kubectl (e.g. get -w) and collects its output until it is killed.</summary>
    public (Process Process, StringBuilder Output) StartStreaming(params string[] args)
    {
        var process = Launch(args);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        return (process, output);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(kubeconfig);
        await Sandbox.DisposeAsync();
    }

    private Process Launch(string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // kubectl caches discovery per server under $HOME/.kube/cache; a private HOME keeps runs independent.
        info.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetTempPath(), "kubectl-cache-" + Guid.NewGuid().ToString("N"));
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }
}
