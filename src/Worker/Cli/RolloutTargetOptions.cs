namespace RolloutWorkflows.Worker.Cli;

using System.CommandLine;

/// <summary>How commands name one rollout: <c>NAME [-n NAMESPACE]</c>, as kubectl does.</summary>
public sealed class RolloutTargetOptions
{
    public Argument<string> Name { get; } = new("NAME") { Description = "The Rollout's metadata.name." };

    public Option<string> Namespace { get; } = NamespaceOption("The Rollout's Kubernetes namespace (default: default).", "default");

    /// <summary>A <c>-n/--namespace</c> option (a Kubernetes namespace; the Temporal one is <c>--temporal-namespace</c>).</summary>
    public static Option<string> NamespaceOption(string description, string? defaultValue)
    {
        var option = new Option<string>("--namespace", "-n") { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Name);
        command.Options.Add(Namespace);
    }

    public (string Namespace, string Name) Read(ParseResult parseResult) => (parseResult.GetValue(Namespace)!, parseResult.GetValue(Name)!);
}
