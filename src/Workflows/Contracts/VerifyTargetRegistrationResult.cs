namespace RolloutWorkflows.Workflows.Contracts;

public sealed record VerifyTargetRegistrationResult(string Service, bool Verified, int Registered, int Expected, string Message);
