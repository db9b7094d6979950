namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// The shapes update plans have had. A workflow moves to the next version through that version's patch, and only
/// where no update plan is under way, so a plan carried in <see cref="RolloutState"/> keeps the shape it started
/// with and every older history replays.
/// </summary>
public static class PlanVersions
{
    /// <summary>The plans of the first release.</summary>
    public const int Original = 0;

    /// <summary>Updates begin with a read-only check of what the revision names (patch <see cref="Names.CheckReferencesPatch"/>).</summary>
    public const int CheckReferences = 1;

    /// <summary>
    /// A blue-green first deploy verifies the active Service's target registration before the revision is stable
    /// (patch <see cref="Names.VerifyFirstBlueGreenPatch"/>): Healthy then means the ALB can serve it.
    /// </summary>
    public const int VerifyFirstBlueGreen = 2;

    /// <summary>A Deploy correcting a failed update is taken (patch <see cref="Names.AcceptCorrectionPatch"/>).</summary>
    public const int AcceptCorrection = 3;

    /// <summary>
    /// A canary first deploy verifies the stable Service's target registration before the revision is stable
    /// (patch <see cref="Names.VerifyFirstCanaryPatch"/>), as blue-green does from version 2.
    /// </summary>
    public const int VerifyFirstCanary = 4;

    /// <summary>
    /// A revision deployed before the first one became stable replaces it instead of queueing behind it (patch
    /// <see cref="Names.ReplaceFirstRevisionPatch"/>); what the first one created is scaled down once the new one is stable.
    /// </summary>
    public const int ReplaceFirstRevision = 5;

    /// <summary>The patch that moves a workflow to each version, in order: version n is reached by <c>Patches[n - 1]</c>.</summary>
    public static IReadOnlyList<string> Patches { get; } = [Names.CheckReferencesPatch, Names.VerifyFirstBlueGreenPatch, Names.AcceptCorrectionPatch, Names.VerifyFirstCanaryPatch, Names.ReplaceFirstRevisionPatch];

    /// <summary>The version new workflows run.</summary>
    public static int Latest => Patches.Count;
}
