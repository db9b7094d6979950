namespace RolloutWorkflows.Sandbox.Temporal.Engine;

/// <summary>Kinds of visibility query tokens.</summary>
internal enum VisibilityTokenKind
{
    Word,
    String,
    Operator,
    Symbol,
}
