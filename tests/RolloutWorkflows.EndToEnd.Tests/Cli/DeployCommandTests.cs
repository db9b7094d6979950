namespace RolloutWorkflows.EndToEnd.Tests.Cli;

using k8s;
using RolloutWorkflows.EndToEnd.Tests.Support;

/// <summary>`rollouts deploy`, the CI step: validation before anything is sent, signal-with-start, and --wait's exit codes.</summary>
public sealed class DeployCommandTests
{
    [Fact]
    public async Task Deploy_WaitOnFirstRevision_ExitsZeroWhenHealthyAndTheReplicaSetIsUp()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);

        var result = await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(Examples.Canary), "--aws-verify-target-group", "--verification-interval", "1s", "--wait", "--timeout", "2m");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("Healthy at revision 1", result.Output, StringComparison.Ordinal);
        var status = await stack.StatusAsync("web");
        Assert.Equal("Healthy", status.Phase);
        Assert.Equal(4, await stack.ReplicasAsync(status.StableReplicaSet!));
    }

    [Fact]
    public async Task Deploy_WithImage_RollsOutTheNewImageAsRevisionTwo()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);
        var file = CliSession.WriteManifest(Examples.Canary);
        Assert.Equal(0, (await cli.RunAsync("deploy", "-f", file, "--wait")).Exit);

        var result = await cli.RunAsync("deploy", "-f", file, "--image", "web=nginx:1.28", "--aws-verify-target-group", "--verification-interval", "1s", "--wait");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("Healthy at revision 2", result.Output, StringComparison.Ordinal);
        var status = await stack.StatusAsync("web");
        var replicaSet = await stack.Kube.AppsV1.ReadNamespacedReplicaSetAsync(status.StableReplicaSet!, "default");
        Assert.Equal("nginx:1.28", replicaSet.Spec.Template.Spec.Containers[0].Image);
        Assert.Contains(status.Events, e => e.Text == "weight 50% verified");
    }

    [Fact]
    public async Task Deploy_FirstRevisionNamingAMissingService_ExitsOneWithTheFieldThenTheCorrectedManifestRollsOut()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);

        // The Rollout alone: with its Services in the file the CLI itself would refuse the typo (exit 2).
        var rollout = RolloutWorkflows.Worker.Demo.DemoManifests.Read("rollout.yaml");
        var typo = CliSession.WriteManifest(rollout.Replace("canaryService: web-canary", "canaryService: web-canry", StringComparison.Ordinal));

        var failed = await cli.RunAsync("deploy", "-f", typo, "--wait");
        var corrected = await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(rollout), "--wait");

        Assert.True(failed.Exit == 1, failed.ToString());
        Assert.Contains("Degraded at revision 1", failed.Error, StringComparison.Ordinal);
        Assert.Contains("spec.strategy.canary.canaryService: Service default/web-canry not found", failed.Error, StringComparison.Ordinal);
        Assert.True(corrected.Exit == 0, corrected.ToString());
        Assert.Contains("Healthy at revision 1", corrected.Output, StringComparison.Ordinal);
        var status = await stack.StatusAsync("web");
        Assert.Contains(status.Events, e => e.Text.StartsWith("revision 1 corrected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_InvalidManifest_ExitsTwoNamingTheFieldAndWritesNothing()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var writesBefore = stack.Sandbox.Kubernetes.Audit.SuccessfulWrites.Count;
        var cli = new CliSession(stack);

        var result = await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(Examples.Canary.Replace("setWeight: 20", "setWeight: 150", StringComparison.Ordinal)), "--wait");

        Assert.Equal(2, result.Exit);
        Assert.Contains("steps[0].setWeight: must be between 0 and 100, got 150", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was deployed", result.Error, StringComparison.Ordinal);
        Assert.Contains("No rollouts found", (await cli.RunAsync("list")).Output, StringComparison.Ordinal);
        Assert.Equal(writesBefore, stack.Sandbox.Kubernetes.Audit.SuccessfulWrites.Count);
    }

    [Fact]
    public async Task Deploy_ImageForUnknownContainer_ExitsTwoListingTheContainers()
    {
        var result = await CliSession.RunRawAsync(["deploy", "-f", CliSession.WriteManifest(Examples.Canary), "--image", "api=repo/api:v2", "--image", "oops"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--image: 'api=repo/api:v2': spec.template.spec.containers: no container named \"api\"; containers are: web", result.Error, StringComparison.Ordinal);
        Assert.Contains("--image: 'oops' is not CONTAINER=IMAGE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_BadVerificationSettings_ExitsTwoNamingEachFlag()
    {
        var result = await CliSession.RunRawAsync(["deploy", "-f", CliSession.WriteManifest(Examples.Canary), "--verification-interval", "soon", "--timeout", "later"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--verification-interval: 'soon' is not a positive duration", result.Error, StringComparison.Ordinal);
        Assert.Contains("--timeout: 'later' is not a duration", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_TemporalUnreachable_ExitsThreeNamingTheAddress()
    {
        var result = await CliSession.RunRawAsync(["deploy", "-f", CliSession.WriteManifest(Examples.Canary), "--address", "127.0.0.1:1"]);

        Assert.Equal(3, result.Exit);
        Assert.Contains("cannot reach Temporal at 127.0.0.1:1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WaitWhileAnOperatorAborts_ExitsOneWithDegraded()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);
        var file = CliSession.WriteManifest(ScenarioManifests.ManualPauseCanary);
        Assert.Equal(0, (await cli.RunAsync("deploy", "-f", file, "--wait")).Exit);

        var waiting = cli.RunAsync("deploy", "-f", file, "--image", "web=nginx:1.28", "--aws-verify-target-group", "--verification-interval", "1s", "--wait");
        await stack.WaitForAsync("web", s => s.Revision == 2 && s.Phase == "Paused", "revision 2 paused at its indefinite pause");
        var abort = await cli.RunAsync("abort", "web", "--reason", "error rate too high");
        var result = await waiting;

        Assert.True(abort.Exit == 0, abort.ToString());
        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("Degraded at revision 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("revision 2 Degraded", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WorkerRequiresVerification_WithoutTheFlagExitsOneWritingNothingThenWithItIsHealthy()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync(new Dictionary<string, string?> { ["Rollouts:VerifyTargetGroups"] = "true" });
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);
        var file = CliSession.WriteManifest(Examples.Canary);

        var refused = await cli.RunAsync("deploy", "-f", file, "--wait");

        Assert.True(refused.Exit == 1, refused.ToString());
        Assert.Contains("this worker requires target-group verification", refused.Error, StringComparison.Ordinal);
        Assert.Contains("rollouts deploy --aws-verify-target-group", refused.Error, StringComparison.Ordinal);
        var replicaSets = await stack.Kube.AppsV1.ListNamespacedReplicaSetAsync("default");
        Assert.Empty(replicaSets.Items);

        var verified = await cli.RunAsync("deploy", "-f", file, "--aws-verify-target-group", "--verification-interval", "1s", "--wait");

        Assert.True(verified.Exit == 0, verified.ToString());
    }

    [Fact]
    public async Task Deploy_FixedImageAfterABrokenFirstRevision_ReplacesItAndScalesTheBrokenPodsAway()
    {
        await using var stack = await EndToEndStack.StartAsync();
        await stack.SeedAsync(Examples.Canary);
        var cli = new CliSession(stack);
        // The sandbox's kubelet crashes pods carrying this annotation: a first image that never starts.
        var broken = Examples.Canary.Replace(
            "    metadata:\n      labels:\n        app: web\n",
            "    metadata:\n      annotations:\n        sandbox.rolloutworkflows.io/fail: \"true\"\n      labels:\n        app: web\n",
            StringComparison.Ordinal);
        Assert.NotEqual(Examples.Canary, broken);
        var stuck = await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(broken), "--wait", "--timeout", "3s");
        Assert.True(stuck.Exit == 1, stuck.ToString());
        var brokenHash = (await stack.StatusAsync("web")).PodTemplateHash;

        var fixedRun = await cli.RunAsync("deploy", "-f", CliSession.WriteManifest(Examples.Canary), "--aws-verify-target-group", "--verification-interval", "1s", "--wait");

        Assert.True(fixedRun.Exit == 0, fixedRun.ToString());
        var status = await stack.StatusAsync("web");
        Assert.Equal(("Healthy", 2L), (status.Phase, status.Revision));
        Assert.Contains(status.Events, e => e.Text.StartsWith("revision 2 (", StringComparison.Ordinal) && e.Text.Contains("replaces revision 1, which never became stable", StringComparison.Ordinal));
        Assert.Equal(status.PodTemplateHash, await stack.SelectedHashAsync("web-stable"));
        Assert.Equal((0, 4), (await stack.ReplicasAsync($"web-{brokenHash}"), await stack.ReplicasAsync($"web-{status.PodTemplateHash}")));
    }
}
