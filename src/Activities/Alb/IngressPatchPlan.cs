namespace RolloutWorkflows.Activities.Alb;

/// <summary>
/// What to write to one Ingress: the full desired annotations and the JSON merge patch that gets there
/// from the current ones (empty when nothing changes). When the ingress cannot be planned (corrupt
/// bookkeeping, conflict) <see cref="Error"/> holds the <c>path: message</c> and nothing must be written;
/// the other ingresses are planned regardless.
/// </summary>
public sealed record IngressPatchPlan(string IngressName, IReadOnlyDictionary<string, string> Desired, string Patch, string? Error = null)
{
    /// <summary>True when a PATCH must be sent.</summary>
    public bool HasChanges => Error is null && Patch.Length > 0;

    public static IngressPatchPlan Failed(IngressAnnotations ingress, AlbAnnotationException error) =>
        new(ingress.Name, ingress.Annotations ?? new Dictionary<string, string>(), "", error.Message);
}
