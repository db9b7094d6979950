namespace RolloutWorkflows.Sandbox.Kubernetes.Watch;

using System.Text.Json.Nodes;
using RolloutWorkflows.Sandbox.Kubernetes.Api;

/// <summary>
/// Fans committed changes out to open watches and keeps a ring buffer of recent changes so that a
/// watch can resume from a resourceVersion; older versions get 410 Expired. All methods are called
/// under the store lock, which keeps event order identical to commit order.
/// </summary>
public sealed class WatchHub
{
    private readonly Queue<StoredEvent> history = new();
    private readonly List<WatchSubscription> subscribers = [];
    private readonly int capacity;

    public WatchHub(int capacity) => this.capacity = Math.Max(1, capacity);

    /// <summary>Gets the highest revision no longer in the buffer; resuming from below it is 410 Expired.</summary>
    public long CompactedRevision { get; private set; }

    public int OpenWatches => subscribers.Count;

    internal void Publish(StoredEvent change)
    {
        history.Enqueue(change);
        while (history.Count > capacity)
        {
            CompactedRevision = history.Dequeue().Revision;
        }

        foreach (var subscriber in subscribers)
        {
            Deliver(subscriber, change);
        }
    }

    /// <summary>
    /// Opens a watch; replays history after <paramref name="fromRevision"/> (preceded by a bookmark at that
    /// revision when asked) or sends the snapshot as ADDED (followed by a bookmark at the current revision).
    /// </summary>
    internal WatchSubscription Subscribe(WatchFilter filter, long? fromRevision, long currentRevision, IEnumerable<JsonObject> snapshot, bool bookmark, bool initialEventsEnd)
    {
        var subscription = new WatchSubscription(filter);
        if (fromRevision is null)
        {
            foreach (var obj in snapshot.Where(filter.Matches))
            {
                subscription.Enqueue(Line("ADDED", obj));
            }

            subscription.LastRevision = currentRevision;
            if (bookmark)
            {
                Bookmark(subscription, currentRevision, initialEventsEnd);
            }
        }
        else
        {
            if (fromRevision.Value < CompactedRevision)
            {
                var expired = new KubernetesApiException(410, "Expired", $"too old resource version: {fromRevision.Value} ({currentRevision})");
                subscription.Enqueue(new JsonObject { ["type"] = "ERROR", ["object"] = expired.ToStatus() }.ToJsonString());
                subscription.Close();
                return subscription;
            }

            subscription.LastRevision = fromRevision.Value;
            if (bookmark)
            {
                Bookmark(subscription, fromRevision.Value, initialEventsEnd: false);
            }

            foreach (var change in history.Where(e => e.Revision > fromRevision.Value))
            {
                Deliver(subscription, change);
            }
        }

        subscribers.Add(subscription);
        return subscription;
    }

    internal void Unsubscribe(WatchSubscription subscription)
    {
        subscribers.Remove(subscription);
        subscription.Close();
    }

    /// <summary>Queues a BOOKMARK; its resourceVersion never goes below what the watcher already got.</summary>
    internal static void Bookmark(WatchSubscription subscription, long currentRevision, bool initialEventsEnd)
    {
        var revision = Math.Max(currentRevision, subscription.LastRevision);
        subscription.LastRevision = revision;
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        var resource = subscription.Filter.Resource;
        var obj = new JsonObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.ApiVersion, ["metadata"] = metadata };
        subscription.Enqueue(new JsonObject { ["type"] = "BOOKMARK", ["object"] = obj }.ToJsonString());
    }

    /// <summary>Closes every open watch, as an apiserver restart or a network cut would.</summary>
    internal void DropAll()
    {
        foreach (var subscriber in subscribers)
        {
            subscriber.Close();
        }

        subscribers.Clear();
    }

    /// <summary>Forgets the buffered history, so resuming from any older version gets 410 Expired.</summary>
    internal void ExpireHistory(long currentRevision)
    {
        history.Clear();
        CompactedRevision = currentRevision;
    }

    private static void Deliver(WatchSubscription subscription, StoredEvent change)
    {
        var type = subscription.Filter.Translate(change);
        if (type is not null)
        {
            subscription.Enqueue(Line(type, change.Object));
            subscription.LastRevision = change.Revision;
        }
    }

    private static string Line(string type, JsonObject obj) =>
        new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString();
}
