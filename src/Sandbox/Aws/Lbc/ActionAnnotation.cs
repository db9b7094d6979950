namespace RolloutWorkflows.Sandbox.Aws.Lbc;

using System.Globalization;
using System.Text.Json;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>
/// Reads the LBC `actions.&lt;name&gt;` annotation. Keys match case-insensitively (Go encoding/json does),
/// so Argo's PascalCase and the LBC docs' camelCase both work; ServicePort may be a number or a string.
/// </summary>
public static class ActionAnnotation
{
    /// <summary>Parses and validates the JSON of one action annotation.</summary>
    public static ParsedAction Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedAction.Invalid("the action must be a JSON object");
            }

            return Text(root, "type") switch
            {
                "forward" => Forward(root),
                "fixed-response" => Fixed(root),
                null => ParsedAction.Invalid("the action has no type"),
                var other => ParsedAction.Invalid($"action type '{other}' is not emulated (forward and fixed-response are)"),
            };
        }
        catch (JsonException error)
        {
            return ParsedAction.Invalid($"the action is not valid JSON: {error.Message}");
        }
        catch (FormatException error)
        {
            return ParsedAction.Invalid(error.Message);
        }
    }

    private static ParsedAction Forward(JsonElement root)
    {
        var simpleArn = Text(root, "targetGroupARN") ?? Text(root, "targetGroupName");
        var config = Property(root, "forwardConfig");
        if ((simpleArn is null) == (config is null))
        {
            return ParsedAction.Invalid("a forward action needs either forwardConfig or targetGroupARN/targetGroupName, not both");
        }

        if (simpleArn is not null)
        {
            return new ParsedAction(null, [new ForwardTuple(null, null, simpleArn, 1)], false, null, null);
        }

        var groups = Property(config!.Value, "targetGroups");
        if (groups is not { ValueKind: JsonValueKind.Array } || groups.Value.GetArrayLength() == 0)
        {
            return ParsedAction.Invalid("forwardConfig.targetGroups must be a non-empty list");
        }

        var tuples = new List<ForwardTuple>();
        foreach (var group in groups.Value.EnumerateArray())
        {
            var tuple = Tuple(group, groups.Value.GetArrayLength() > 1);
            if (tuple.Error is not null)
            {
                return ParsedAction.Invalid(tuple.Error);
            }

            tuples.Add(tuple.Tuple!);
        }

        var stickiness = Property(config.Value, "targetGroupStickinessConfig");
        var enabled = stickiness is { } s && Property(s, "enabled") is { ValueKind: JsonValueKind.True };
        int? duration = stickiness is { } d && Property(d, "durationSeconds") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
        return new ParsedAction(null, tuples, enabled, duration, null);
    }

    private static (ForwardTuple? Tuple, string? Error) Tuple(JsonElement group, bool weightRequired)
    {
        var serviceName = Text(group, "serviceName");
        var servicePort = Text(group, "servicePort");
        var arn = Text(group, "targetGroupARN") ?? Text(group, "targetGroupName");
        if ((serviceName is not null && servicePort is not null) == (arn is not null))
        {
            return (null, "each target group needs serviceName with servicePort, or targetGroupARN/targetGroupName, but not both");
        }

        var weight = Property(group, "weight");
        if (weight is null && weightRequired)
        {
            return (null, "every target group needs a weight when there are several");
        }

        var value = weight is { ValueKind: JsonValueKind.Number } w && w.TryGetInt32(out var parsed) ? parsed : weight is null ? 1 : -1;
        if (value is < 0 or > 999)
        {
            return (null, $"weight {weight} must be an integer between 0 and 999");
        }

        // "80" and 80 are the same port; names stay names.
        var port = servicePort is not null && int.TryParse(servicePort, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : servicePort;
        return (new ForwardTuple(serviceName, port, arn, value), null);
    }

    private static ParsedAction Fixed(JsonElement root)
    {
        var config = Property(root, "fixedResponseConfig");
        var status = config is { } c ? Text(c, "statusCode") : null;
        if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return ParsedAction.Invalid("a fixed-response action needs fixedResponseConfig.statusCode");
        }

        var response = new Elbv2FixedResponse(code, Text(config!.Value, "contentType") ?? "text/plain", Text(config.Value, "messageBody"));
        return new ParsedAction(null, [], false, null, response);
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? loose = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == name)
            {
                return property.Value;
            }

            if (loose is null && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                loose = property.Value;
            }
        }

        return loose;
    }

    private static string? Text(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        null or { ValueKind: JsonValueKind.Null } => null,
        var other => throw new FormatException($"'{name}' must be a string or a number, not {other.Value.ValueKind}"),
    };
}
