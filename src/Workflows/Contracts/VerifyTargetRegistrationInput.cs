namespace RolloutWorkflows.Workflows.Contracts;

/// <param name="ServicePort">The Service port whose bindings are checked; null checks every bound port.</param>
/// <param name="PodTemplateHash">The revision the Service must select; the check fails fast if it selects another.</param>
/// <param name="PollSeconds">The retry interval; the activity asks for it (with jitter) when not yet verified.</param>
public sealed record VerifyTargetRegistrationInput(string Namespace, string Service, int? ServicePort, string PodTemplateHash, int PollSeconds);
