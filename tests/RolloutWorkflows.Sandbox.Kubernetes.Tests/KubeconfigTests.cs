namespace RolloutWorkflows.Sandbox.Kubernetes.Tests;

using k8s;

public sealed class KubeconfigTests
{
    [Fact]
    public async Task WriteKubeconfig_IsAcceptedByBuildConfigFromConfigFileOverLoopback()
    {
        await using var sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { RunControllers = false });
        await sandbox.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        try
        {
            sandbox.WriteKubeconfig(path, "prod");
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            using var client = new Kubernetes(config);

            var namespaces = await client.CoreV1.ListNamespaceAsync();

            Assert.Equal(sandbox.BaseAddress, config.Host.TrimEnd('/'));
            Assert.Equal("prod", config.Namespace);
            Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WriteKubeconfig_BeforeStart_FailsWithTheFix()
    {
        await using var sandbox = new KubernetesSandbox(new KubernetesSandboxOptions { RunControllers = false });

        var error = Assert.Throws<InvalidOperationException>(() => sandbox.WriteKubeconfig("unused"));

        Assert.Contains("StartAsync", error.Message, StringComparison.Ordinal);
    }
}
