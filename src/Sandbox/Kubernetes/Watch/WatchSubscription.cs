namespace RolloutWorkflows.Sandbox.Kubernetes.Watch;

using System.Threading.Channels;

/// <summary>One open watch: the filter and the queue of serialized event lines waiting to be streamed.</summary>
public sealed class WatchSubscription
{
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public WatchSubscription(WatchFilter filter) => Filter = filter;

    public WatchFilter Filter { get; }

    /// <summary>Gets the revision of the last event or bookmark queued, for bookmarks that never go back.</summary>
    public long LastRevision { get; internal set; }

    public ChannelReader<string> Reader => lines.Reader;

    internal void Enqueue(string line) => lines.Writer.TryWrite(line);

    internal void Close() => lines.Writer.TryComplete();
}
