namespace RolloutWorkflows.EndToEnd.Tests.Support;

using System.Text.Json.Nodes;

/// <summary>Reads an ALB action annotation (<c>{"Type":"forward","ForwardConfig":{"TargetGroups":[...]}}</c>) as Service -> weight.</summary>
public static class AlbActionWeights
{
    public static IReadOnlyDictionary<string, int> Parse(string action)
    {
        var groups = JsonNode.Parse(action)?["ForwardConfig"]?["TargetGroups"] as JsonArray
            ?? throw new Xunit.Sdk.XunitException($"not a forward action: {action}");
        return groups.ToDictionary(
            g => g!["ServiceName"]!.GetValue<string>(),
            g => g!["Weight"]!.GetValue<int>(),
            StringComparer.Ordinal);
    }

    /// <summary>The weight of one Service in an action (0 when the action does not name it, or there is no action).</summary>
    public static int WeightOf(string? action, string service) => action is null ? 0 : Parse(action).GetValueOrDefault(service);
}
