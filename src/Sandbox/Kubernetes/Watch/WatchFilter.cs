namespace RolloutWorkflows.Sandbox.Kubernetes.Watch;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>What one watcher sees: a resource, optionally one namespace, and its selectors.</summary>
public sealed record WatchFilter(ResourceType Resource, string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(JsonObject? obj) =>
        obj is not null
        && (Namespace is null || (string?)obj["metadata"]?["namespace"] == Namespace)
        && Labels.MatchesObject(obj)
        && Fields.Matches(obj);

    /// <summary>
    /// The event type this watcher gets for a change, or null when the change is invisible to it:
    /// an object entering the selection is ADDED, one leaving it is DELETED (as fabric8 and the watch cache do).
    /// </summary>
    public string? Translate(StoredEvent change)
    {
        if (change.Resource.Key != Resource.Key)
        {
            return null;
        }

        var now = Matches(change.Object);
        return change.Type switch
        {
            "ADDED" => now ? "ADDED" : null,
            "DELETED" => now ? "DELETED" : null,
            _ => (Matches(change.Previous), now) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
    }
}
