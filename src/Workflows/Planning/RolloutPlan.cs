namespace RolloutWorkflows.Workflows.Planning;

/// <summary>
/// The actions of one stage, in order. <see cref="FinishIndex"/> is where the end of the steps begins
/// (Promote full jumps there); <see cref="PromotedIndex"/> is the first action after the revision became
/// stable (abort and supersede are no longer possible from there).
/// </summary>
public sealed record RolloutPlan(IReadOnlyList<RolloutAction> Actions, int FinishIndex, int PromotedIndex)
{
    /// <summary>A plan with nothing to do.</summary>
    public static RolloutPlan Empty { get; } = new([], 0, 0);

    public int Count => Actions.Count;

    /// <summary>The same plan with <paramref name="action"/> run first (the markers move with the actions).</summary>
    public RolloutPlan StartingWith(RolloutAction action) => new([action, .. Actions], FinishIndex + 1, PromotedIndex + 1);

    /// <summary>The same plan with <paramref name="actions"/> run after all of its own.</summary>
    public RolloutPlan Then(IReadOnlyList<RolloutAction> actions) =>
        actions.Count == 0 ? this : this with { Actions = [.. Actions, .. actions] };

    /// <summary>Builds a plan; markers default to the end when the list has none.</summary>
    public static RolloutPlan Of(IReadOnlyList<RolloutAction> actions, int? finishIndex = null)
    {
        var markStable = actions.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Kind == ActionKind.MarkStable);
        var promoted = markStable.a is null ? actions.Count : markStable.i + 1;
        return new RolloutPlan(actions, finishIndex ?? actions.Count, promoted);
    }
}
