namespace RolloutWorkflows.Worker.Cli;

using System.Text.Json.Nodes;
using RolloutWorkflows.Activities.Alb;
using RolloutWorkflows.Workflows.Model;
using RolloutWorkflows.Workflows.Validation;

/// <summary>What the CLI read from <c>-f</c> and <c>--ingress</c> files, and the problems met.</summary>
public sealed record LoadedManifests(
    RolloutReadResult? Rollout,
    IReadOnlyList<AlbIngress> Ingresses,
    IReadOnlyList<JsonObject> Services,
    IReadOnlyList<ValidationProblem> Problems);
