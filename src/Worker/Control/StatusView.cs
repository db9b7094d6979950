namespace RolloutWorkflows.Worker.Control;

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RolloutWorkflows.Workflows.Contracts;

/// <summary>
/// <c>rollouts status</c> as text (laid out like <c>kubectl argo rollouts get rollout</c>) or as one JSON object
/// (the <c>Status</c> query's fields in camelCase, plus the live ReplicaSet counts).
/// </summary>
public static class StatusView
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Text(RolloutStatus status, IReadOnlyList<ReplicaSetLine> replicaSets)
    {
        var text = new StringBuilder();
        void Field(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"{name + ":",-14}{value}\n");

        Field("Name", status.Name);
        Field("Namespace", status.Namespace);
        Field("Strategy", string.IsNullOrEmpty(status.Strategy) ? "-" : status.Strategy);
        Field("Phase", status.Phase + (status.Aborted ? " (aborted)" : ""));
        Field("Message", string.IsNullOrEmpty(status.Message) ? "-" : status.Message);
        Field("Revision", $"{status.Revision} (stable {status.StableRevision})" + (string.IsNullOrEmpty(status.PodTemplateHash) ? "" : $", pod-template hash {status.PodTemplateHash}"));
        if (status.Steps > 0)
        {
            Field("Step", $"{Math.Min(status.Step, status.Steps)}/{status.Steps}");
        }

        Field("Weight", $"set {status.SetWeight}%, verified {(status.ActualWeight is { } w ? $"{w}%" : "-")}");
        if (status.StablePingPong is { } side)
        {
            Field("Stable side", side);
        }

        text.Append("ReplicaSets:\n");
        if (replicaSets.Count == 0)
        {
            text.Append("  (none yet)\n");
        }

        foreach (var set in replicaSets)
        {
            var counts = set.Desired is null ? set.Note ?? "-" : $"{set.Ready}/{set.Desired} ready, {set.Available} available";
            text.Append(CultureInfo.InvariantCulture, $"  {set.Role,-7} {set.Name,-28} {counts}\n");
        }

        if (status.Ingresses.Count > 0)
        {
            text.Append("Ingresses:\n");
            foreach (var ingress in status.Ingresses)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {ingress.Ingress,-20} {(ingress.Verified ? "verified" : "not verified"),-13} {ingress.Weight,3}%  {ingress.Message}\n");
            }
        }

        text.Append("Events:\n");
        foreach (var e in status.Events.TakeLast(10))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {e.At.ToUniversalTime():yyyy-MM-dd HH:mm:ss}  {e.Text}\n");
        }

        return text.ToString();
    }

    public static JsonObject ToJson(RolloutStatus status, IReadOnlyList<ReplicaSetLine> replicaSets)
    {
        var json = JsonSerializer.SerializeToNode(status, Json)!.AsObject();
        json["replicaSets"] = JsonSerializer.SerializeToNode(replicaSets, Json);
        return json;
    }

    public static string JsonText(RolloutStatus status, IReadOnlyList<ReplicaSetLine> replicaSets) =>
        ToJson(status, replicaSets).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
