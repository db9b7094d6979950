namespace RolloutWorkflows.Workflows.Validation;

using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Model;

/// <summary>
/// Checks the Services a Rollout references against Service objects the user supplied (Argo requires
/// them to exist, B5) and, for ALB, that each target Service exposes <c>servicePort</c>, since the
/// LBC resolves the action's ServicePort against the Service's ports.
/// </summary>
public static class ServiceChecks
{
    public static IReadOnlyList<ValidationProblem> Check(Rollout rollout, IReadOnlyList<JsonObject> services)
    {
        var problems = new ProblemList();
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (service["metadata"]?["name"] is JsonValue v && v.TryGetValue<string>(out var name))
            {
                byName[name] = service;
            }
        }

        var port = rollout.Strategy.Canary?.GetAlb()?.ServicePort;
        foreach (var (path, name, isTarget) in References(rollout))
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (!byName.TryGetValue(name, out var service))
            {
                problems.Add(path, $"Service \"{name}\" not found among the given Service documents: add it or fix the name");
                continue;
            }

            if (isTarget && port is > 0 && !ExposesPort(service, port.Value, out var ports))
            {
                problems.Add(path, $"Service \"{name}\" does not expose port {port} (its ports: {ports}); set trafficRouting.alb.servicePort to one of them");
            }
        }

        return problems.Items;
    }

    private static IEnumerable<(string Path, string? Name, bool IsTarget)> References(Rollout rollout)
    {
        if (rollout.Strategy.Canary is { } canary)
        {
            const string path = "spec.strategy.canary";
            yield return ($"{path}.canaryService", canary.CanaryService, true);
            yield return ($"{path}.stableService", canary.StableService, true);
            yield return ($"{path}.pingPong.pingService", canary.PingPong?.PingService, true);
            yield return ($"{path}.pingPong.pongService", canary.PingPong?.PongService, true);
        }

        if (rollout.Strategy.BlueGreen is { } blueGreen)
        {
            yield return ("spec.strategy.blueGreen.activeService", blueGreen.ActiveService, false);
            yield return ("spec.strategy.blueGreen.previewService", blueGreen.PreviewService, false);
        }
    }

    private static bool ExposesPort(JsonObject service, int port, out string ports)
    {
        var numbers = (service["spec"]?["ports"] as JsonArray ?? [])
            .Select(p => p?["port"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : (long?)null)
            .OfType<long>()
            .ToList();
        ports = numbers.Count == 0 ? "none" : string.Join(", ", numbers);
        return numbers.Contains(port);
    }
}
