namespace RolloutWorkflows.Sandbox.Kubernetes.Store;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// A parsed label selector with the full apimachinery grammar: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>,
/// <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, <c>k&gt;n</c> and <c>k&lt;n</c>.
/// </summary>
public sealed class LabelSelector
{
    private readonly List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) => this.requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => requirements.Count == 0;

    /// <summary>Parses the query-string form; throws a 400 naming the bad part.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var result = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            result.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(result);
    }

    /// <summary>Builds a selector from a <c>metav1.LabelSelector</c> object (matchLabels, matchExpressions).</summary>
    public static LabelSelector FromObject(JsonObject? selector)
    {
        if (selector is null)
        {
            return Everything;
        }

        var result = new List<Requirement>();
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            result.Add(new Requirement(key, "=", [(string?)value ?? ""]));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var op = ((string?)expression["operator"] ?? "") switch
            {
                "In" => "in",
                "NotIn" => "notin",
                "Exists" => "exists",
                "DoesNotExist" => "!",
                var other => throw KubernetesApiException.BadRequest($"unsupported matchExpressions operator \"{other}\": use In, NotIn, Exists or DoesNotExist"),
            };
            var values = (expression["values"] as JsonArray ?? []).Select(v => (string?)v ?? "").ToList();
            result.Add(new Requirement((string?)expression["key"] ?? "", op, values));
        }

        return new LabelSelector(result);
    }

    /// <summary>Builds an equality selector from a plain map, as Services carry it.</summary>
    public static LabelSelector FromMap(JsonObject? map)
    {
        var result = new List<Requirement>();
        foreach (var (key, value) in map ?? [])
        {
            result.Add(new Requirement(key, "=", [(string?)value ?? ""]));
        }

        return new LabelSelector(result);
    }

    public bool Matches(JsonObject? labels) => requirements.TrueForAll(r => r.Matches(labels));

    public bool MatchesObject(JsonNode? obj) => Matches(obj?["metadata"]?["labels"] as JsonObject);

    public override string ToString() => string.Join(",", requirements.Select(r => r.ToString()));

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static Requirement ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw Bad(whole, "empty requirement");
        }

        if (part.StartsWith('!'))
        {
            return new Requirement(CheckKey(part[1..].Trim(), whole), "!", []);
        }

        foreach (var op in new[] { " notin ", " in " })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var rest = part[(at + op.Length)..].Trim();
                if (!rest.StartsWith('(') || !rest.EndsWith(')'))
                {
                    throw Bad(whole, $"values of \"{op.Trim()}\" must be in parentheses, e.g. env in (a,b)");
                }

                var values = rest[1..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
                return new Requirement(CheckKey(part[..at].Trim(), whole), op.Trim(), values);
            }
        }

        foreach (var op in new[] { "==", "!=", "=", ">", "<" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var value = part[(at + op.Length)..].Trim();
                if ((op == ">" || op == "<") && !long.TryParse(value, out _))
                {
                    throw Bad(whole, $"for '{op}' the value must be an integer, got \"{value}\"");
                }

                return new Requirement(CheckKey(part[..at].Trim(), whole), op == "==" ? "=" : op, [value]);
            }
        }

        return new Requirement(CheckKey(part, whole), "exists", []);
    }

    private static string CheckKey(string key, string whole)
    {
        if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw Bad(whole, $"invalid label key \"{key}\"");
        }

        return key;
    }

    private static KubernetesApiException Bad(string whole, string why) =>
        KubernetesApiException.BadRequest($"unable to parse requirement: {why} (labelSelector \"{whole}\")");

    private sealed record Requirement(string Key, string Operator, List<string> Values)
    {
        public bool Matches(JsonObject? labels)
        {
            var has = labels is not null && labels.ContainsKey(Key);
            var value = has ? (string?)labels![Key] ?? "" : null;
            return Operator switch
            {
                "=" => has && value == Values[0],
                "!=" => !has || value != Values[0],
                "in" => has && Values.Contains(value!),
                "notin" => !has || !Values.Contains(value!),
                "exists" => has,
                "!" => !has,
                ">" => has && long.TryParse(value, out var g) && g > long.Parse(Values[0]),
                "<" => has && long.TryParse(value, out var l) && l < long.Parse(Values[0]),
                _ => false,
            };
        }

        public override string ToString() => Operator switch
        {
            "in" or "notin" => $"{Key} {Operator} ({string.Join(",", Values)})",
            "exists" => Key,
            "!" => "!" + Key,
            _ => Key + Operator + Values[0],
        };
    }
}
