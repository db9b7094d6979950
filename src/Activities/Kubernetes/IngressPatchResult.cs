namespace RolloutWorkflows.Activities.Kubernetes;

/// <summary>Outcome of an annotation write: whether it changed anything, the patch sent, and how many reads it took.</summary>
public sealed record IngressPatchResult(bool Changed, string? AppliedPatch, int Attempts);
