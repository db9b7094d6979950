namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using k8s;
using RolloutWorkflows.Sandbox.Aws.Elbv2;
using RolloutWorkflows.Sandbox.Aws.Lbc;
using RolloutWorkflows.Sandbox.Kubernetes;
using RolloutWorkflows.Sandbox.Temporal;
using RolloutWorkflows.Worker.Sandbox;

/// <summary>
/// `rollouts sandbox`: runs the embedded sandbox servers on loopback until Ctrl+C. Each sandbox part
/// (Temporal here; Kubernetes and ELBv2 add theirs) contributes an option and a start step.
/// </summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var temporalPort = new Option<int?>("--temporal-port")
        {
            Description = "Serve the Temporal-compatible sandbox on 127.0.0.1:PORT (0 picks a free port).",
        };
        var timeSkipping = new Option<bool>("--time-skipping")
        {
            Description = "Jump the Temporal sandbox clock to the next timer whenever nothing is running.",
        };
        var kubePort = new Option<int?>("--kube-port")
        {
            Description = "Serve the Kubernetes API server sandbox on 127.0.0.1:PORT and write a kubeconfig for it.",
        };
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the sandbox kubeconfig.",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "rollouts-sandbox.kubeconfig"),
        };
        var elbv2Port = new Option<int?>("--elbv2-port")
        {
            Description = "Serve the ELBv2 emulator on 127.0.0.1:PORT (with --kube-port, the LBC simulator runs too).",
        };
        var seed = new Option<string?>("--seed")
        {
            Description = "With --kube-port: create the examples' Services, Ingresses and stable ReplicaSets (web, web-pp, web-bg).",
        };
        seed.AcceptOnlyFromAmong("example");
        var command = new Command("sandbox", "Run the embedded sandbox servers (in memory, loopback only) until Ctrl+C.");
        command.Options.Add(temporalPort);
        command.Options.Add(timeSkipping);
        command.Options.Add(kubePort);
        command.Options.Add(kubeconfig);
        command.Options.Add(elbv2Port);
        command.Options.Add(seed);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // The invocation's writers (the console by default) so that in-process callers can read the endpoints.
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var parts = new List<IAsyncDisposable>();
            try
            {
                if (parseResult.GetValue(temporalPort) is { } port)
                {
                    CliPorts.Require(port, "--temporal-port");
                    var temporalOptions = new TemporalSandboxOptions { Port = port, TimeSkipping = parseResult.GetValue(timeSkipping) };
                    foreach (var (name, type) in SandboxStack.SearchAttributes)
                    {
                        temporalOptions.SearchAttributes[name] = type;
                    }

                    var server = await TemporalSandboxServer.StartAsync(temporalOptions, cancellationToken);
                    parts.Add(server);
                    await output.WriteLineAsync($"Temporal sandbox listening on {server.Target}");
                }

                IKubernetes? kubeClient = null;
                if (parseResult.GetValue(kubePort) is { } kport)
                {
                    CliPorts.Require(kport, "--kube-port");
                    var kube = new KubernetesSandbox();
                    parts.Add(kube);
                    await kube.StartAsync(kport, cancellationToken);
                    var path = parseResult.GetValue(kubeconfig)!;
                    kube.WriteKubeconfig(path);
                    await output.WriteLineAsync($"Kubernetes sandbox listening on {kube.BaseAddress}");
                    await output.WriteLineAsync(KubeconfigWriter.Usage(path, kube.BaseAddress!));
                    kubeClient = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = kube.BaseAddress });
                }

                if (parseResult.GetValue(seed) is not null)
                {
                    if (kubeClient is null)
                    {
                        await error.WriteLineAsync("--seed example needs --kube-port: the examples are created in the Kubernetes sandbox.");
                        return 2;
                    }

                    foreach (var manifest in ManifestSeeder.Examples)
                    {
                        foreach (var created in await ManifestSeeder.ApplyAsync(kubeClient, manifest, stableReplicaSets: true, cancellationToken: cancellationToken))
                        {
                            await output.WriteLineAsync($"seeded {created}");
                        }
                    }
                }

                if (parseResult.GetValue(elbv2Port) is { } eport)
                {
                    CliPorts.Require(eport, "--elbv2-port");
                    var elb = await Elbv2Emulator.StartAsync(new Elbv2EmulatorOptions { Port = eport }, cancellationToken);
                    parts.Add(elb);
                    await output.WriteLineAsync($"ELBv2 emulator listening on {elb.Endpoint}; to reach it with AWS tooling:");
                    foreach (var (name, value) in elb.EnvironmentVariables())
                    {
                        await output.WriteLineAsync($"  export {name}={value}");
                    }

                    if (kubeClient is not null)
                    {
                        var lbc = new LbcSimulator(kubeClient, elb.Store);
                        lbc.Start();
                        parts.Add(lbc); // disposing stops it and waits for its loop
                        await output.WriteLineAsync("LBC simulator reconciling ALB Ingresses of the Kubernetes sandbox into the emulator.");
                    }
                }

                if (parts.Count == 0)
                {
                    await error.WriteLineAsync("Nothing to serve: give at least one port option, e.g. --temporal-port 7233.");
                    return 2;
                }

                await output.WriteLineAsync("Press Ctrl+C to stop.");
                await WaitForCancellationAsync(cancellationToken);
                return 0;
            }
            catch (ArgumentException problem)
            {
                await error.WriteLineAsync(problem.Message);
                return 2;
            }
            finally
            {
                for (var i = parts.Count - 1; i >= 0; i--)
                {
                    await parts[i].DisposeAsync();
                }
            }
        });
        return command;
    }

    /// <summary>Returns when the command is canceled (Ctrl+C or SIGTERM).</summary>
    public static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way to stop.
        }
    }
}
