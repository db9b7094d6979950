namespace RolloutWorkflows.Worker.Cli;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>
/// Reads the files of <c>rollouts validate</c> / <c>plan</c>: the <c>-f</c> file (or stdin for <c>-</c>)
/// holds exactly one Rollout and may hold Ingresses and Services; <c>--ingress</c> files hold Ingresses
/// (and may hold Services). Documents of any other kind are reported, never ignored.
/// </summary>
public static class ManifestLoader
{
    public static LoadedManifests Load(string rolloutFile, IReadOnlyList<string> ingressFiles, TextReader stdin)
    {
        var problems = new List<ValidationProblem>();
        var rollouts = new List<ManifestDocument>();
        var ingresses = new List<AlbIngress>();
        var services = new List<JsonObject>();
        var sources = new List<(string Option, string File)> { ("-f", rolloutFile) };
        sources.AddRange(ingressFiles.Select(f => ("--ingress", f)));

        foreach (var (option, file) in sources)
        {
            if (!TryRead(option, file, stdin, problems, out var text, out var source))
            {
                continue;
            }

            var parsed = RolloutManifestParser.ParseDocuments(text, source);
            problems.AddRange(parsed.Problems);
            foreach (var document in parsed.Documents)
            {
                Sort(option, document, rollouts, ingresses, services, problems);
            }
        }

        RolloutReadResult? rollout = null;
        if (rollouts.Count == 0 && !problems.Any(p => p.Path == SourceName(rolloutFile) || p.Path == "-f"))
        {
            problems.Add(new("-f", $"no Rollout document in {SourceName(rolloutFile)}: the file needs one with kind: Rollout"));
        }
        else if (rollouts.Count > 1)
        {
            problems.Add(new("-f", $"{rollouts.Count} Rollout documents ({string.Join(", ", rollouts.Select(r => r.Describe()))}): pass one Rollout per command"));
        }
        else if (rollouts.Count == 1)
        {
            rollout = RolloutValidator.ReadAndValidate(rollouts[0].Object);
        }

        foreach (var duplicate in ingresses.GroupBy(i => i.Name).Where(g => g.Count() > 1))
        {
            problems.Add(new($"ingress/{duplicate.Key}", "given more than once: pass each Ingress once"));
        }

        return new LoadedManifests(rollout, ingresses, services, problems);
    }

    private static void Sort(string option, ManifestDocument document, List<ManifestDocument> rollouts, List<AlbIngress> ingresses, List<JsonObject> services, List<ValidationProblem> problems)
    {
        switch (document.Kind)
        {
            case "Rollout" when option == "-f":
                rollouts.Add(document);
                break;
            case null when option == "-f":
                // A partial manifest without kind is read as the Rollout; validation then asks for kind.
                rollouts.Add(document);
                break;
            case "Ingress":
                ingresses.Add(AlbIngress.FromJson(document.Object));
                break;
            case "Service":
                services.Add(document.Object);
                break;
            default:
                var expected = option == "-f" ? "a Rollout, Ingress or Service" : "an Ingress or Service";
                problems.Add(new($"{document.Source}[{document.Index}]", $"{document.Describe()} is not used here: {option} files hold {expected}"));
                break;
        }
    }

    private static bool TryRead(string option, string file, TextReader stdin, List<ValidationProblem> problems, out string text, out string source)
    {
        source = SourceName(file);
        text = "";
        try
        {
            text = file == "-" ? stdin.ReadToEnd() : File.ReadAllText(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(option, $"cannot read {file}: {ex.Message}"));
            return false;
        }
    }

    private static string SourceName(string file) => file == "-" ? "stdin" : file;
}
