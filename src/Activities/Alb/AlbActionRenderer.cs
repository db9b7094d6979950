namespace RolloutWorkflows.Activities.Alb;

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutWorkflows.Workflows.Model;

/// <summary>
/// Renders the ALB forward action annotation byte-exactly as Argo Rollouts writes it (F2-F4), e.g.
/// <c>{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"canary","ServicePort":"80","Weight":10},{"ServiceName":"stable","ServicePort":"80","Weight":90}]}}</c>:
/// keys in the order Type, ForwardConfig; canary first and stable last; ServicePort as a string;
/// Weight always written, even 0 (Argo issue 491); stickiness only when enabled.
/// </summary>
public static class AlbActionRenderer
{
    /// <summary>The annotation key: <c>&lt;prefix&gt;/actions.&lt;service&gt;</c>.</summary>
    public static string ActionKey(string annotationPrefix, string actionService) => $"{annotationPrefix}/actions.{actionService}";

    /// <summary>The action key of a rollout: its annotation prefix and action Service (rootService, else stableService).</summary>
    public static string ActionKey(CanaryStrategy canary)
    {
        var alb = canary.GetAlb() ?? throw new ArgumentException("spec.strategy.canary.trafficRouting.alb: required", nameof(canary));
        var service = canary.GetActionService() ?? throw new ArgumentException("spec.strategy.canary.stableService: required", nameof(canary));
        return ActionKey(alb.EffectiveAnnotationPrefix(), service);
    }

    /// <summary>The action for a canary weight: canary gets <c>CanaryWeight</c>, stable the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Weight outside 0..100.</exception>
    /// <exception cref="AlbAnnotationException">Stickiness enabled with a duration outside 1..604800 seconds.</exception>
    public static string Render(AlbActionInput input)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input.CanaryWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.CanaryWeight, 100);
        return Write(
            [(input.CanaryService, input.CanaryWeight), (input.StableService, 100 - input.CanaryWeight)],
            input.ServicePort,
            input.Stickiness);
    }

    /// <summary>
    /// The action left behind when a rollout is deleted or stops managing an ingress: 100 % to the
    /// rollout's stable Service, as a single target group (F14 format), stickiness kept. Unlike Argo,
    /// this forwards to the real stable Service, so it also works with rootService and ping-pong.
    /// </summary>
    public static string RenderReset(string stableService, int servicePort, StickinessConfig? stickiness = null) =>
        Write([(stableService, 100)], servicePort, stickiness);

    /// <summary>
    /// A reset value computed from an action written earlier: 100 % to its last (stable) target group,
    /// keeping its port and stickiness. For cleaning up after a rollout whose spec is gone.
    /// </summary>
    /// <exception cref="FormatException">The value is not a forward action with target groups.</exception>
    public static string ResetFromAction(string actionJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(actionJson);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not an ALB forward action: {ex.Message}", ex);
        }

        var config = root?["ForwardConfig"] as JsonObject;
        if ((config?["TargetGroups"] as JsonArray)?.LastOrDefault() is not JsonObject stable
            || stable["ServiceName"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String
            || !TryReadPort(stable["ServicePort"], out var port))
        {
            throw new FormatException("not an ALB forward action: expected ForwardConfig.TargetGroups with ServiceName and ServicePort");
        }

        StickinessConfig? stickiness = null;
        if (config!["TargetGroupStickinessConfig"] is JsonObject sticky
            && sticky["Enabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.True
            && sticky["DurationSeconds"] is JsonValue duration && duration.TryGetValue<int>(out var seconds))
        {
            stickiness = new StickinessConfig { Enabled = true, DurationSeconds = seconds };
        }

        return RenderReset(name.GetValue<string>(), port, stickiness);
    }

    private static bool TryReadPort(JsonNode? node, out int port)
    {
        port = 0;
        return node is JsonValue value
            && (value.GetValueKind() == JsonValueKind.String
                ? int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out port)
                : value.TryGetValue(out port));
    }

    private static string Write(IReadOnlyList<(string Service, int Weight)> targets, int servicePort, StickinessConfig? stickiness)
    {
        var port = servicePort.ToString(CultureInfo.InvariantCulture);
        var json = new StringBuilder("{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[");
        for (var i = 0; i < targets.Count; i++)
        {
            json.Append(i == 0 ? "{" : ",{").Append("\"ServiceName\":");
            GoJson.AppendQuoted(json, targets[i].Service);
            json.Append(",\"ServicePort\":");
            GoJson.AppendQuoted(json, port);
            json.Append(",\"Weight\":").Append(targets[i].Weight.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        json.Append(']');
        if (stickiness is { Enabled: true } sticky)
        {
            if (sticky.DurationSeconds is < 1 or > StickinessConfig.MaxDurationSeconds)
            {
                throw new AlbAnnotationException(
                    "spec.strategy.canary.trafficRouting.alb.stickinessConfig.durationSeconds",
                    "TargetGroupStickinessConfig's duration must be between 1 and 604800 seconds (7 days)!");
            }

            json.Append(",\"TargetGroupStickinessConfig\":{\"Enabled\":true,\"DurationSeconds\":")
                .Append(sticky.DurationSeconds.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        return json.Append("}}").ToString();
    }
}
