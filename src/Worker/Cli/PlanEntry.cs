namespace RolloutWorkflows.Worker.Cli;

/// <summary>
/// One point of a plan: the start (<see cref="Step"/> null) or the state after a step, the canary
/// weight then, and every annotation each ingress carries (including other rollouts'), by ingress name.
/// </summary>
public sealed record PlanEntry(int? Step, string Description, int Weight, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Ingresses);
