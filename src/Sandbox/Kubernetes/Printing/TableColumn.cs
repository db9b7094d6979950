namespace RolloutWorkflows.Sandbox.Kubernetes.Printing;

using System.Text.Json.Nodes;

/// <summary>
/// One column of a server-side Table: its definition as the apiserver sends it, and how a cell is read
/// from an object. <paramref name="Priority"/> 0 columns are shown by <c>kubectl get</c>, 1 only by <c>-o wide</c>.
/// </summary>
public sealed record TableColumn(string Name, string Type, string Description, Func<JsonObject, DateTimeOffset, JsonNode?> Cell, int Priority = 0, string Format = "")
{
    public JsonObject Definition() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
