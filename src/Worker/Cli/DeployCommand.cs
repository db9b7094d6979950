namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using RolloutWorkflows.Worker.Control;
using RolloutWorkflows.Worker.Hosting;
using RolloutWorkflows.Workflows.Contracts;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// <c>rollouts deploy -f ROLLOUT [--image CONTAINER=IMAGE]... [--wait]</c>: what a CI step runs. It validates the
/// manifest (all problems at once, exit 2, nothing sent), then signal-with-starts the rollout's workflow with the
/// revision; with <c>--wait</c> it follows the rollout and exits 0 when it is Healthy at this revision, 1 otherwise.
/// </summary>
public static class DeployCommand
{
    /// <param name="stdin">Where <c>-f -</c> reads from; the console when null (tests pass a reader).</param>
    public static Command Create(TextReader? stdin = null)
    {
        var file = CliOptions.RolloutFile();
        var images = new Option<string[]>("--image")
        {
            Description = "Set a container's image before deploying: CONTAINER=IMAGE (repeatable), e.g. --image web=repo/web:v2.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ingresses = CliOptions.IngressFiles(required: false);
        var classes = CliOptions.AlbIngressClasses();
        var wait = new Option<bool>("--wait") { Description = "Follow the rollout until it is Healthy at this revision (exit 0) or Degraded (exit 1)." };
        var timeout = new Option<string>("--timeout") { Description = "With --wait: give up after this long (e.g. 30m, 1h; exit 1). Default: no limit." };
        var verify = new Option<bool>("--aws-verify-target-group") { Description = "Verify ALB weights and target registration in ELBv2 before each step completes (Rollouts:VerifyTargetGroups)." };
        var interval = new Option<string>("--verification-interval") { Description = "How often an unverified check is retried, e.g. 10s (Rollouts:VerificationPollSeconds; default 10s)." };
        var deadline = new Option<string>("--verification-deadline") { Description = "How long verification may take before the rollout pauses or aborts, e.g. 10m (Rollouts:VerificationDeadlineSeconds; default 10m)." };
        var onTimeout = new Option<string>("--on-verification-timeout") { Description = "pause (default) or abort when a verification deadline passes (Rollouts:OnVerificationTimeout)." };
        onTimeout.AcceptOnlyFromAmong("pause", "abort");
        var flags = new ConfigFlags().WithTemporal();
        var command = new Command("deploy", "Validate a Rollout and start rolling it out (signal-with-start of its workflow); --wait follows it to the end.")
        {
            file, images, ingresses, classes, wait, timeout, verify, interval, deadline, onTimeout,
        };
        flags.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            var problems = new List<ValidationProblem>();
            var overrides = flags.Overrides(parseResult).ToList();
            if (parseResult.GetValue(verify))
            {
                overrides.Add(KeyValuePair.Create("Rollouts:VerifyTargetGroups", (string?)"true"));
            }

            AddSeconds(parseResult.GetValue(interval), "--verification-interval", "Rollouts:VerificationPollSeconds", overrides, problems);
            AddSeconds(parseResult.GetValue(deadline), "--verification-deadline", "Rollouts:VerificationDeadlineSeconds", overrides, problems);
            if (parseResult.GetValue(onTimeout) is { } action)
            {
                overrides.Add(KeyValuePair.Create("Rollouts:OnVerificationTimeout", (string?)action));
            }

            var waitLimit = parseResult.GetValue(timeout) is { } text ? CliDurations.Parse(text) : TimeSpan.Zero;
            if (waitLimit is null)
            {
                problems.Add(new("--timeout", $"'{parseResult.GetValue(timeout)}' is not a duration; use e.g. 30m, 1h or 900 (seconds)"));
            }

            var configuration = RolloutsConfiguration.Build(overrides);
            var engine = ReadEngine(configuration, problems);
            var classList = parseResult.GetValue(classes) is { Length: > 0 } given ? given : [.. engine.EffectiveAlbIngressClasses];
            var manifests = ManifestLoader.Load(parseResult.GetValue(file)!, parseResult.GetValue(ingresses) ?? [], stdin ?? Console.In);
            problems.AddRange(ManifestChecks.Run(manifests, classList, requireIngresses: false));
            var rollout = manifests.Rollout?.Rollout is { } parsed ? WithImages(parsed, parseResult.GetValue(images) ?? [], problems) : null;
            if (rollout is null || problems.Count > 0)
            {
                ManifestChecks.Print(io.Error, problems);
                await io.Error.WriteLineAsync("rollouts deploy: nothing was deployed.");
                return CliExitCodes.Invalid;
            }

            var revision = RolloutRevisionMapper.ToRevision(rollout, engine.ToRolloutSettings());
            var (control, exit) = await ControlConnection.ConnectAsync(configuration, "deploy", io.Error);
            if (control is null)
            {
                return exit;
            }

            return await DeployAsync(control, revision, parseResult.GetValue(wait), waitLimit!.Value, io.Output, io.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> DeployAsync(RolloutControl control, RolloutRevision revision, bool wait, TimeSpan waitLimit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var spec = revision.Spec;
        try
        {
            await control.DeployAsync(revision, cancellationToken);
            await output.WriteLineAsync(
                $"rollout {spec.Namespace}/{spec.Name}: deployed pod-template hash {revision.PodTemplateHash} ({spec.Describe()}; verification {(revision.Settings.VerifyTargetGroups ? "on" : "off")})");
            if (!wait)
            {
                await output.WriteLineAsync($"follow it with: rollouts status {spec.Name} -n {spec.Namespace} --watch");
                return CliExitCodes.Success;
            }

            var outcome = await new DeployFollower(control, output).FollowAsync(revision, waitLimit, cancellationToken);
            await (outcome.Succeeded ? output : error).WriteLineAsync($"rollout {spec.Namespace}/{spec.Name}: {outcome.Text}");
            return outcome.Succeeded ? CliExitCodes.Success : CliExitCodes.RolloutFailed;
        }
        catch (Exception e) when (ControlConnection.TryReport(e, "deploy", error, out var code))
        {
            return code;
        }
    }

    private static EngineSettings ReadEngine(IConfiguration configuration, List<ValidationProblem> problems)
    {
        try
        {
            var engine = RolloutsConfiguration.Get<EngineSettings>(configuration, EngineSettings.SectionName);
            problems.AddRange(engine.Validate().Select(p => new ValidationProblem(EngineSettings.SectionName, p)));
            return engine;
        }
        catch (InvalidOperationException e)
        {
            // A value that does not bind (e.g. OnVerificationTimeout: sometimes) names its key in the message.
            problems.Add(new(EngineSettings.SectionName, e.Message + " " + e.InnerException?.Message));
            return new EngineSettings();
        }
    }

    private static void AddSeconds(string? text, string flag, string key, List<KeyValuePair<string, string?>> overrides, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return;
        }

        if (CliDurations.Parse(text) is { } duration && duration > TimeSpan.Zero)
        {
            overrides.Add(KeyValuePair.Create(key, (string?)((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            problems.Add(new(flag, $"'{text}' is not a positive duration; use e.g. 10s, 5m or 1h30m"));
        }
    }

    private static Rollout? WithImages(Rollout rollout, IReadOnlyList<string> images, List<ValidationProblem> problems)
    {
        foreach (var image in images)
        {
            var equals = image.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == image.Length - 1)
            {
                problems.Add(new("--image", $"'{image}' is not CONTAINER=IMAGE; use e.g. --image web=repo/web:v2"));
                continue;
            }

            try
            {
                rollout = rollout.WithImage(image[..equals], image[(equals + 1)..]);
            }
            catch (ArgumentException e)
            {
                problems.Add(new("--image", $"'{image}': {e.Message.Split(" (Parameter", 2)[0]}"));
            }
        }

        return rollout;
    }
}
