namespace RolloutWorkflows.Workflows.Contracts;

public sealed record VerifyAlbWeightsResult(string Ingress, bool Verified, string Message, IReadOnlyList<TargetGroupWeight> TargetGroups);
