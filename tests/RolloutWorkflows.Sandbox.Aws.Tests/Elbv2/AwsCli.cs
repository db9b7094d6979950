namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using System.Diagnostics;
using System.Text.Json;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Runs the real AWS CLI against an emulator with the environment the docs tell users to set.</summary>
public static class AwsCli
{
    public static string Executable()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "aws"))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            "The AWS CLI ('aws') is not on PATH. These contract tests need it: install it (pip install awscli) and run again.");
    }

    public static async Task<(int ExitCode, JsonDocument? Json, string Error)> RunAsync(Elbv2Emulator emulator, bool endpointFromEnvironment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in emulator.EnvironmentVariables())
        {
            start.Environment[name] = value;
        }

        if (!endpointFromEnvironment)
        {
            start.Environment.Remove("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2");
            start.ArgumentList.Add("--endpoint-url");
            start.ArgumentList.Add(emulator.Endpoint.ToString());
        }

        // Keep the user's own profiles and files out of the run.
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var argument in (string[])["--output", "json", "elbv2", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        return (process.ExitCode, process.ExitCode == 0 ? JsonDocument.Parse(text) : null, await error);
    }
}
