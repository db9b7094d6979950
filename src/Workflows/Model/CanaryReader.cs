namespace RolloutWorkflows.Workflows.Model;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>Reads <c>spec.strategy.canary</c>: services, steps, ALB traffic routing, ping-pong.</summary>
internal static class CanaryReader
{
    private static string[] CanaryFields { get; } =
        ["canaryService", "stableService", "steps", "trafficRouting", "pingPong", "scaleDownDelaySeconds",
         "abortScaleDownDelaySeconds", "dynamicStableScale"];

    private static string[] CanaryUnsupported { get; } =
        ["maxSurge", "maxUnavailable", "analysis", "antiAffinity", "canaryMetadata", "stableMetadata",
         "scaleDownDelayRevisionLimit", "minPodsPerReplicaSet", "replicaProgressThreshold"];

    private static string[] RoutingFields { get; } = ["alb"];

    private static string[] RoutingUnsupported { get; } =
        ["nginx", "istio", "smi", "ambassador", "appMesh", "traefik", "apisix", "plugins", "managedRoutes", "maxTrafficWeight"];

    private static string[] AlbFields { get; } = ["ingress", "ingresses", "rootService", "servicePort", "annotationPrefix", "stickinessConfig"];

    private static string[] StickinessFields { get; } = ["enabled", "durationSeconds"];

    private static string[] PingPongFields { get; } = ["pingService", "pongService"];

    private static string[] StepFields { get; } = ["setWeight", "pause", "setCanaryScale"];

    private static string[] StepUnsupported { get; } = ["analysis", "experiment", "setHeaderRoute", "setMirrorRoute", "plugin"];

    private static string[] PauseFields { get; } = ["duration"];

    private static string[] ScaleFields { get; } = ["replicas", "weight", "matchTrafficWeight"];

    public static CanaryStrategy Read(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, CanaryFields, CanaryUnsupported);
        var routing = reader.Object(obj, "trafficRouting", path);
        var pingPong = reader.Object(obj, "pingPong", path);
        return new CanaryStrategy
        {
            CanaryService = reader.String(obj, "canaryService", path),
            StableService = reader.String(obj, "stableService", path),
            Steps = ReadSteps(reader, reader.Array(obj, "steps", path), FieldReader.Join(path, "steps")),
            TrafficRouting = routing is null ? null : ReadRouting(reader, routing, FieldReader.Join(path, "trafficRouting")),
            PingPong = pingPong is null ? null : ReadPingPong(reader, pingPong, FieldReader.Join(path, "pingPong")),
            ScaleDownDelaySeconds = reader.Int(obj, "scaleDownDelaySeconds", path),
            AbortScaleDownDelaySeconds = reader.Int(obj, "abortScaleDownDelaySeconds", path),
            DynamicStableScale = reader.Bool(obj, "dynamicStableScale", path) ?? false,
        };
    }

    private static TrafficRouting ReadRouting(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, RoutingFields, RoutingUnsupported);
        var alb = reader.Object(obj, "alb", path);
        return new TrafficRouting { Alb = alb is null ? null : ReadAlb(reader, alb, FieldReader.Join(path, "alb")) };
    }

    private static AlbTrafficRouting ReadAlb(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, AlbFields, []);
        List<string>? ingresses = null;
        if (reader.Array(obj, "ingresses", path) is { } list)
        {
            ingresses = [];

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    ingresses.Add(v.GetValue<string>());
                }
                else
                {
                    reader.Report($"{path}.ingresses[{i}]", $"expected an ingress name (a string), got {FieldReader.Describe(list[i])}");
                }
            }
        }

        var stickiness = reader.Object(obj, "stickinessConfig", path);
        StickinessConfig? stickinessConfig = null;
        if (stickiness is not null)
        {
            var stickinessPath = FieldReader.Join(path, "stickinessConfig");
            reader.CheckFields(stickiness, stickinessPath, StickinessFields, []);
            stickinessConfig = new StickinessConfig
            {
                Enabled = reader.Bool(stickiness, "enabled", stickinessPath) ?? false,
                DurationSeconds = reader.Int(stickiness, "durationSeconds", stickinessPath) ?? 0,
            };
        }

        return new AlbTrafficRouting
        {
            Ingress = reader.String(obj, "ingress", path),
            Ingresses = ingresses,
            RootService = reader.String(obj, "rootService", path),
            ServicePort = reader.Int(obj, "servicePort", path) ?? 0,
            AnnotationPrefix = reader.String(obj, "annotationPrefix", path),
            StickinessConfig = stickinessConfig,
        };
    }

    private static PingPongSpec ReadPingPong(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, PingPongFields, []);
        return new PingPongSpec
        {
            PingService = reader.String(obj, "pingService", path),
            PongService = reader.String(obj, "pongService", path),
        };
    }

    private static List<RolloutStep> ReadSteps(FieldReader reader, JsonArray? steps, string path)
    {
        var result = new List<RolloutStep>();
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var stepPath = $"{path}[{i}]";
            if (steps![i] is not JsonObject step)
            {
                reader.Report(stepPath, $"expected a step mapping (setWeight, pause or setCanaryScale), got {FieldReader.Describe(steps[i])}");
                result.Add(new RolloutStep());
                continue;
            }

            reader.CheckFields(step, stepPath, StepFields, StepUnsupported);
            var pause = reader.Object(step, "pause", stepPath);
            var scale = reader.Object(step, "setCanaryScale", stepPath);
            result.Add(new RolloutStep
            {
                SetWeight = reader.Int(step, "setWeight", stepPath),
                Pause = pause is null ? null : ReadPause(reader, pause, FieldReader.Join(stepPath, "pause")),
                SetCanaryScale = scale is null ? null : ReadScale(reader, scale, FieldReader.Join(stepPath, "setCanaryScale")),
            });
        }

        return result;
    }

    private static PauseStep ReadPause(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, PauseFields, []);
        var node = obj["duration"];

        string? duration = null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            duration = v.GetValue<string>();
        }
        else if (reader.Int(obj, "duration", path) is { } seconds)
        {
            duration = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return new PauseStep { Duration = duration };
    }

    private static SetCanaryScaleStep ReadScale(FieldReader reader, JsonObject obj, string path)
    {
        reader.CheckFields(obj, path, ScaleFields, []);
        return new SetCanaryScaleStep
        {
            Replicas = reader.Int(obj, "replicas", path),
            Weight = reader.Int(obj, "weight", path),
            MatchTrafficWeight = reader.Bool(obj, "matchTrafficWeight", path) ?? false,
        };
    }
}
