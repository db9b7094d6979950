namespace RolloutWorkflows.Sandbox.Kubernetes.Watch;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using RolloutWorkflows.Sandbox.Kubernetes.Api;
using RolloutWorkflows.Sandbox.Kubernetes.Store;

/// <summary>
/// Serves one watch request as newline-delimited JSON events: initial ADDED events for an empty or "0"
/// resourceVersion (or sendInitialEvents), replay from a resourceVersion, 410 Expired, bookmarks at the
/// start and on a cadence of the sandbox clock, and <c>timeoutSeconds</c>.
/// </summary>
public sealed class WatchStreamer
{
    private readonly ResourceStore store;
    private readonly TimeProvider time;
    private readonly TimeSpan bookmarkInterval;

    public WatchStreamer(ResourceStore store, TimeProvider time, TimeSpan bookmarkInterval)
    {
        this.store = store;
        this.time = time;
        this.bookmarkInterval = bookmarkInterval;
    }

    /// <summary>Streams events; <paramref name="transform"/> rewrites each event line (server-side printing as Tables).</summary>
    public async Task StreamAsync(HttpContext context, WatchFilter filter, Func<string, string>? transform = null)
    {
        var query = context.Request.Query;
        var rvText = (string?)query["resourceVersion"];
        var sendInitial = (string?)query["sendInitialEvents"] == "true";
        if (sendInitial && (string?)query["resourceVersionMatch"] != "NotOlderThan")
        {
            throw new KubernetesApiException(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
        }

        long? from = null;
        if (!sendInitial && !string.IsNullOrEmpty(rvText) && rvText != "0")
        {
            from = long.TryParse(rvText, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw KubernetesApiException.BadRequest($"invalid resourceVersion \"{rvText}\": it must be a resourceVersion returned by this server");
        }

        var bookmarks = (string?)query["allowWatchBookmarks"] == "true";
        WatchSubscription subscription;
        lock (store.Gate)
        {
            subscription = store.Hub.Subscribe(filter, from, store.Revision, store.Items(filter.Resource, filter.Namespace), bookmarks, sendInitial);
        }

        using var timeout = TimeoutSource(query["timeoutSeconds"]);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        using var bookmarkTimer = bookmarks
            ? time.CreateTimer(_ => EnqueueBookmark(subscription), null, bookmarkInterval, bookmarkInterval)
            : null;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(linked.Token);
        try
        {
            while (await subscription.Reader.WaitToReadAsync(linked.Token))
            {
                while (subscription.Reader.TryRead(out var line))
                {
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes((transform?.Invoke(line) ?? line) + "\n"), linked.Token);
                }

                await context.Response.Body.FlushAsync(linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or timeoutSeconds elapsed: the stream simply ends, as on a real server.
        }
        finally
        {
            lock (store.Gate)
            {
                store.Hub.Unsubscribe(subscription);
            }
        }
    }

    private void EnqueueBookmark(WatchSubscription subscription)
    {
        lock (store.Gate)
        {
            WatchHub.Bookmark(subscription, store.Revision, initialEventsEnd: false);
        }
    }

    private CancellationTokenSource TimeoutSource(string? timeoutSeconds) =>
        int.TryParse(timeoutSeconds, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time)
            : new CancellationTokenSource();
}
