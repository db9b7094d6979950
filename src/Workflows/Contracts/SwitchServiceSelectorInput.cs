namespace RolloutWorkflows.Workflows.Contracts;

public sealed record SwitchServiceSelectorInput(string Namespace, string RolloutName, string Service, string PodTemplateHash);
