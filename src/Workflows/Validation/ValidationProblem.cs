namespace RolloutWorkflows.Workflows.Validation;

/// <summary>
/// One problem found in user input, printed as <c>Path: Message</c>. The path names the field
/// (e.g. <c>spec.strategy.canary.steps[1].setWeight</c>) so the user knows what to fix.
/// </summary>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary>The single-line form the CLI prints.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
