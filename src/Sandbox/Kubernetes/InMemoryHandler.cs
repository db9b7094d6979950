namespace RolloutWorkflows.Sandbox.Kubernetes;

/// <summary>
/// A DelegatingHandler that sends every request to the in-memory TestServer, whatever the client sets
/// as its inner handler (KubernetesClient chains its own HttpClientHandler behind the handlers it is given).
/// </summary>
public sealed class InMemoryHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker server;

    public InMemoryHandler(HttpMessageHandler testServerHandler) => server = new HttpMessageInvoker(testServerHandler, disposeHandler: true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        server.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            server.Dispose();
        }

        base.Dispose(disposing);
    }
}
