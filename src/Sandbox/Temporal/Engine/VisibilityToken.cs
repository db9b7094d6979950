namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>One token of a visibility query.</summary>
internal sealed record VisibilityToken(VisibilityTokenKind Kind, string Text)
{
    public bool IsWord(string word) => Kind == VisibilityTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == VisibilityTokenKind.Symbol && Text == symbol;
}
