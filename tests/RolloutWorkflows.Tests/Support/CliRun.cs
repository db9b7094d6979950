namespace RolloutWorkflows.Tests.Support;

using System.CommandLine;

/// <summary>Runs a CLI command in-process with captured output, and temp files for its inputs.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rollouts-cli-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static (int Exit, string Output, string Error) Invoke(Func<TextReader?, Command> create, string[] args, string stdin = "")
    {
        var root = new RootCommand { create(new StringReader(stdin)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
