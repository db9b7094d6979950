namespace RolloutWorkflows.Workflows.Contracts;

/// <summary>The last verification outcome for one ingress.</summary>
public sealed record IngressVerification(string Ingress, bool Verified, int Weight, string Message);
