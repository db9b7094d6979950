namespace RolloutWorkflows.Sandbox.Temporal.Tests;

using System.Reflection;
using RolloutWorkflows.Sandbox.Temporal.Tests.Support;
using RolloutWorkflows.Sandbox.Temporal.Tests.Workflows;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Testing;
using Temporalio.Worker;

/// <summary>The built rollouts executable stands in for the Temporal CLI under WorkflowEnvironment.StartLocalAsync.</summary>
public sealed class DevServerTests
{
    private static string AppHost()
    {
        var path = typeof(DevServerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RolloutsAppHost").Value!;
        var full = Path.GetFullPath(OperatingSystem.IsWindows() ? path + ".exe" : path);
        Assert.True(File.Exists(full), $"the rollouts apphost was not built at {full}; build src/Worker first");
        return full;
    }

    [Fact]
    public async Task StartLocal_RolloutsExecutableAsDevServer_RunsWorkflowWithSearchAttribute()
    {
        var key = SearchAttributeKey.CreateKeyword("DevServerTag");
        await using var environment = await WorkflowEnvironment.StartLocalAsync(new()
        {
            DevServerOptions = new() { ExistingPath = AppHost(), StartupTimeout = TimeSpan.FromSeconds(90) },
            SearchAttributes = [key],
        });
        var taskQueue = Contract.NewId("dev");
        var options = new TemporalWorkerOptions(taskQueue).AddWorkflow<GreetingWorkflow>().AddAllActivities(new ContractActivities());

        await Contract.RunWorkerAsync(environment.Client, options, async () =>
        {
            var start = new WorkflowOptions(Contract.NewId("dev"), taskQueue)
            {
                TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(key, "demo").ToSearchAttributeCollection(),
            };
            var handle = await environment.Client.StartWorkflowAsync((GreetingWorkflow wf) => wf.RunAsync("dev server"), start);

            Assert.Equal("Hello, dev server!", await handle.GetResultAsync());
            Assert.Equal(1, (await environment.Client.CountWorkflowsAsync("DevServerTag = 'demo'")).Count);
        });
    }
}
